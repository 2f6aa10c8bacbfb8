package io.jenkins.plugins.gitops.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Operation;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryCalculatorTest {
    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-11T00:00:00Z"); // 10 days
    private static final String ENV = "production";

    /** A linear history: commit i was authored at FROM + i hours; a revision deploys every commit up to it. */
    private static final class LinearLog implements CommitLog {
        final List<String> ids = new ArrayList<>();
        final List<Collection<String>> calls = new ArrayList<>();

        LinearLog(int commits) {
            for (int i = 0; i < commits; i++) {
                ids.add(String.format("%040x", i + 1));
            }
        }

        String rev(int i) {
            return ids.get(i);
        }

        @Override
        public Map<String, Instant> newCommits(String revision, Collection<String> deployedBefore) {
            calls.add(deployedBefore);
            int to = ids.indexOf(revision);
            int after = deployedBefore.stream().mapToInt(ids::indexOf).max().orElse(to - 1);
            Map<String, Instant> out = new LinkedHashMap<>();
            for (int i = to; i > after; i--) {
                out.put(ids.get(i), FROM.plus(Duration.ofHours(i)));
            }
            return out;
        }
    }

    private final List<DeploymentRecord> records = new ArrayList<>();
    private int seq;

    private DeploymentRecord add(Operation op, String revision, Instant started, Duration took, Result result,
            String health) {
        DeploymentRecord r = new DeploymentRecord(String.format("r%03d", seq++), ENV, op, revision, Map.of(), "manual",
                "tester", started, started.plus(took), result, "", null, health, List.of(), null);
        records.add(r);
        return r;
    }

    private DeploymentRecord ok(Operation op, String revision, Instant at) {
        return add(op, revision, at, Duration.ofMinutes(2), Result.SUCCEEDED, "Healthy");
    }

    private static Instant day(double d) {
        return FROM.plus(Duration.ofMinutes((long) (d * 24 * 60)));
    }

    private DeliveryMetrics compute(CommitLog log) {
        return DeliveryCalculator.compute(ENV, records, log, FROM, TO);
    }

    @Test
    void noDeploymentsGiveZeroFrequencyAndNoOtherFigure() {
        DeliveryMetrics m = compute(new LinearLog(3));
        assertThat(m.deployments()).isZero();
        assertThat(m.perDay()).isZero();
        assertThat(m.frequencyBand()).isEqualTo(DoraBand.LOW);
        assertThat(m.changeFailureRate()).isNull();
        assertThat(m.leadTimeMedian()).isNull();
        assertThat(m.timeToRestoreMedian()).isNull();
        assertThat(m.historyFrom()).isNull();
        assertThat(m.coversPeriod()).isFalse();
        assertThat(m.leadTimeBand()).isNull();
        assertThat(m.changeFailureBand()).isNull();
        assertThat(m.timeToRestoreBand()).isNull();
    }

    @Test
    void aSingleFirstDeploymentCountsOnlyItsOwnCommitForLeadTime() {
        LinearLog log = new LinearLog(30);
        ok(Operation.SYNC, log.rev(24), day(2)); // commit 24 authored at day 1, deployed at day 2 + 2 min
        DeliveryMetrics m = compute(log);
        assertThat(m.deployments()).isEqualTo(1);
        assertThat(m.successfulDeployments()).isEqualTo(1);
        assertThat(m.perDay()).isCloseTo(0.1, within(1e-9));
        assertThat(m.perWeek()).isCloseTo(0.7, within(1e-9));
        assertThat(m.commits()).isEqualTo(1);
        assertThat(m.leadTimeMedian()).isEqualTo(Duration.ofDays(1).plusMinutes(2));
        assertThat(m.leadTimeP90()).isEqualTo(m.leadTimeMedian());
        assertThat(m.changeFailureRate()).isEqualTo(0.0);
        assertThat(m.historyFrom()).isEqualTo(day(2));
        assertThat(m.coversPeriod()).isFalse();
    }

    @Test
    void frequencyCountsSuccessfulDeploymentsOfANewRevisionOnly() {
        LinearLog log = new LinearLog(10);
        ok(Operation.SYNC, log.rev(1), day(0.5));
        ok(Operation.SYNC, log.rev(1), day(0.6));        // re-sync of the running revision: not a deployment
        ok(Operation.SELF_HEAL, log.rev(1), day(0.7));   // self-heal: not a deployment
        ok(Operation.SYNC, log.rev(2), day(1));
        add(Operation.SYNC, log.rev(3), day(2), Duration.ofSeconds(5), Result.FAILED, null); // refused before apply
        add(Operation.PROMOTE, log.rev(3), day(2.1), Duration.ofSeconds(5), Result.SUCCEEDED, null); // pushed, not synced
        ok(Operation.PROMOTE, log.rev(3), day(3));
        ok(Operation.SYNC, log.rev(4), day(9.9));
        ok(Operation.SYNC, log.rev(5), day(10.5));       // after the period
        DeliveryMetrics m = compute(log);
        assertThat(m.deployments()).isEqualTo(4);
        assertThat(m.successfulDeployments()).isEqualTo(4);
        assertThat(m.perDay()).isCloseTo(0.4, within(1e-9));
        assertThat(m.frequencyBand()).isEqualTo(DoraBand.HIGH);
    }

    @Test
    void changeFailureRateCountsFailedDegradedAndRolledBackChanges() {
        LinearLog log = new LinearLog(10);
        ok(Operation.SYNC, log.rev(1), day(1));                                               // good
        add(Operation.SYNC, log.rev(2), day(2), Duration.ofMinutes(5), Result.FAILED, "Degraded"); // failed
        ok(Operation.ROLLBACK, log.rev(1), day(2.01));                                        // auto-rollback
        ok(Operation.SYNC, log.rev(3), day(3));                                               // rolled back later
        ok(Operation.ROLLBACK, log.rev(1), day(3.5));
        add(Operation.SYNC, log.rev(4), day(4), Duration.ofMinutes(5), Result.SUCCEEDED, "Degraded"); // degraded
        ok(Operation.SYNC, log.rev(5), day(5));                                               // good
        DeliveryMetrics m = compute(log);
        assertThat(m.deployments()).isEqualTo(7);
        assertThat(m.changes()).isEqualTo(5);
        assertThat(m.failedChanges()).isEqualTo(3);
        assertThat(m.changeFailureRate()).isCloseTo(0.6, within(1e-9));
        assertThat(m.changeFailureBand()).isEqualTo(DoraBand.LOW);
        assertThat(m.successfulDeployments()).isEqualTo(5); // the failed and the degraded ones are not
    }

    @Test
    void timeToRestoreRunsFromTheFirstBadDeploymentToTheNextHealthyOne() {
        LinearLog log = new LinearLog(10);
        ok(Operation.SYNC, log.rev(1), day(1));
        add(Operation.SYNC, log.rev(2), day(2), Duration.ZERO, Result.FAILED, "Degraded");
        add(Operation.SYNC, log.rev(3), day(2).plusSeconds(600), Duration.ZERO, Result.FAILED, "Degraded"); // same incident
        ok(Operation.SELF_HEAL, log.rev(1), day(2).plusSeconds(1800).minus(Duration.ofMinutes(2))); // healthy at +30 min
        add(Operation.SYNC, log.rev(4), day(5), Duration.ZERO, Result.SUCCEEDED, "Degraded");
        ok(Operation.SYNC, log.rev(5), day(5).plusSeconds(7200).minus(Duration.ofMinutes(2)));   // +2 h
        ok(Operation.SYNC, log.rev(6), day(6));
        ok(Operation.ROLLBACK, log.rev(5), day(6).plusSeconds(3600)); // rev 6 (healthy at +2 min) rolled back 1 h later
        add(Operation.SYNC, log.rev(7), day(9), Duration.ZERO, Result.FAILED, "Progressing");  // not restored yet
        DeliveryMetrics m = compute(log);
        assertThat(m.restores()).isEqualTo(3);
        assertThat(m.timeToRestoreMedian()).isEqualTo(Duration.ofHours(1));
        assertThat(m.unrestored()).isEqualTo(1);
        assertThat(m.timeToRestoreBand()).isEqualTo(DoraBand.HIGH);
    }

    @Test
    void leadTimeCountsEachCommitOnceAtItsFirstHealthyDeployment() {
        LinearLog log = new LinearLog(200);
        ok(Operation.SYNC, log.rev(10), day(-1));  // before the period: sets what was deployed, counts nothing
        ok(Operation.SYNC, log.rev(30), day(2));   // commits 11..30: authored 11 h..30 h, deployed at 48 h + 2 min
        ok(Operation.ROLLBACK, log.rev(10), day(2.5)); // direct rollback to an old revision
        ok(Operation.SYNC, log.rev(30), day(3));   // deployed twice: commits 11..30 are not counted again
        add(Operation.SYNC, log.rev(40), day(4), Duration.ofMinutes(2), Result.SUCCEEDED, "Degraded"); // not healthy
        ok(Operation.SYNC, log.rev(45), day(4.5)); // commits 31..45 become healthy here
        DeliveryMetrics m = compute(log);
        assertThat(m.commits()).isEqualTo(20 + 15);
        // samples: 48h2m - (11..30 h) = 18h2m..37h2m ; 108h2m - (31..45 h) = 63h2m..77h2m
        List<Duration> expected = new ArrayList<>();
        for (int i = 11; i <= 30; i++) {
            expected.add(Duration.ofHours(48 - i).plusMinutes(2));
        }
        for (int i = 31; i <= 45; i++) {
            expected.add(Duration.ofHours(108 - i).plusMinutes(2));
        }
        expected.sort(null);
        assertThat(m.leadTimeMedian()).isEqualTo(expected.get(17));
        assertThat(m.leadTimeP90()).isEqualTo(expected.get((int) Math.ceil(0.9 * 35) - 1));
        assertThat(m.leadTimeBand()).isEqualTo(DoraBand.HIGH);
        assertThat(m.historyFrom()).isEqualTo(day(-1));
        assertThat(m.coversPeriod()).isTrue();
    }

    @Test
    void leadTimeIsNeverNegativeAndNeedsGitHistory() {
        LinearLog log = new LinearLog(100);
        ok(Operation.SYNC, log.rev(1), day(0));    // commit 1 authored one hour "after" it was deployed (clock skew)
        DeliveryMetrics m = compute(log);
        assertThat(m.leadTimeMedian()).isEqualTo(Duration.ZERO);
        assertThat(DeliveryCalculator.compute(ENV, records, CommitLog.NONE, FROM, TO).leadTimeMedian()).isNull();
    }

    @Test
    void recordsOfOtherEnvironmentsAreIgnoredAndThePeriodMustBeOpen() {
        records.add(new DeploymentRecord("x", "staging", Operation.SYNC, "a".repeat(40), Map.of(), "manual", "t",
                day(1), day(1), Result.SUCCEEDED, "", null, "Healthy", List.of(), null));
        assertThat(compute(CommitLog.NONE).deployments()).isZero();
        assertThatThrownBy(() -> DeliveryCalculator.compute(ENV, records, CommitLog.NONE, TO, FROM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start before it ends");
    }
}
