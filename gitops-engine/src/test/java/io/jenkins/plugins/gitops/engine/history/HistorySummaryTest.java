package io.jenkins.plugins.gitops.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistorySummaryTest {

    @Test
    void aQuarterOfFrequentDeploymentsFitsAndTheOldestGoFirst() {
        // 20 deployments a day for 100 days, newest first: more than the byte budget holds
        List<DeploymentRecord> dropped = new ArrayList<>();
        for (int i = 2000 - 1; i >= 0; i--) {
            dropped.add(TestRecords.sync("production", TestRecords.revision('e', i % 60), i * 72));
        }
        List<DeploymentRecord> kept = HistorySummary.merge(dropped, List.of(), dropped.get(0).startedAt());
        int bytes = HistoryJson.writeList(kept).getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isLessThanOrEqualTo(HistorySummary.MAX_BYTES);
        // the newest are kept, in order; each summary is small enough for well over a thousand of them
        assertThat(kept.get(0).id()).isEqualTo(dropped.get(0).id());
        assertThat(kept.size()).isGreaterThan(1000).isLessThan(dropped.size());
        assertThat(kept).isSortedAccordingTo((a, b) -> b.startedAt().compareTo(a.startedAt()));
    }

    @Test
    void summariesOlderThanTheMaximumAgeAreDropped() {
        DeploymentRecord old = TestRecords.sync("production", TestRecords.revision('f', 1), 0);
        DeploymentRecord recent = TestRecords.sync("production", TestRecords.revision('f', 2), 1);
        List<DeploymentRecord> kept = HistorySummary.merge(List.of(recent), List.of(HistorySummary.compact(old)),
                old.startedAt().plus(HistorySummary.MAX_AGE).plus(Duration.ofSeconds(30)));
        assertThat(kept).containsExactly(HistorySummary.compact(recent));
    }

    @Test
    void aSummaryKeepsTheOwnerSoOtherRepositoriesSummariesStayOut() {
        DeploymentRecord ours = TestRecords.sync("production", TestRecords.revision('a', 1), 1);
        DeploymentRecord compact = HistorySummary.compact(ours);
        assertThat(compact.owner()).isEqualTo(ours.owner()).isNotNull();
        assertThat(compact.release()).isEmpty();
        assertThat(compact.actor()).isNull();
        assertThat(compact.contentDigest()).isNull();
        DeploymentRecord theirs = HistorySummary.compact(ours.withOwner("github.com/other/deploy#production"));
        HistoryStore shared = new HistoryStore() {
            @Override
            public void append(DeploymentRecord record) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<DeploymentRecord> list(String environment) {
                return List.of();
            }

            @Override
            public List<DeploymentRecord> deployments(String environment) {
                return List.of(compact, theirs);
            }
        };
        OwnedHistory owned = new OwnedHistory(shared, new io.jenkins.plugins.gitops.engine.model.TrackingId("github.com/shop/deploy", "production"),
                new io.jenkins.plugins.gitops.engine.model.Masking());
        assertThat(owned.deployments("production")).containsExactly(compact);
    }

    @Test
    void aSmallerBudgetCutsEarlierAndASummaryIsNeverAddedTwice() {
        List<DeploymentRecord> dropped = new ArrayList<>();
        for (int i = 99; i >= 0; i--) {
            dropped.add(TestRecords.sync("production", TestRecords.revision('b', i % 60), i));
        }
        List<DeploymentRecord> again = HistorySummary.merge(dropped.subList(0, 10),
                HistorySummary.merge(dropped, List.of(), dropped.get(0).startedAt()), dropped.get(0).startedAt());
        assertThat(again).hasSize(100).extracting(DeploymentRecord::id).doesNotHaveDuplicates();
        List<DeploymentRecord> small = HistorySummary.merge(dropped, List.of(), dropped.get(0).startedAt(), 4096);
        assertThat(HistoryJson.writeList(small).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        assertThat(small).isNotEmpty().hasSizeLessThan(100);
        assertThat(small.get(0).id()).isEqualTo(dropped.get(0).id());
    }
}
