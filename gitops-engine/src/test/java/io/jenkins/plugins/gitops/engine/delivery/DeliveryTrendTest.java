package io.jenkins.plugins.gitops.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Operation;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryTrendTest {
    private static final String ENV = "production";
    private static final Instant TO = Instant.parse("2026-11-30T00:00:00Z");
    private final List<DeploymentRecord> records = new ArrayList<>();
    private final List<String> gitCalls = new ArrayList<>();

    /** Commit "cN" was authored N hours before TO - 100 days; each revision brings only its own commit. */
    private final CommitLog log = (revision, before) -> {
        gitCalls.add(revision + before);
        return Map.of(revision, TO.minus(Duration.ofDays(100)).plus(Duration.ofHours(Long.parseLong(revision.substring(1)))));
    };

    private void deploy(String revision, Instant at, Result result, String health) {
        records.add(new DeploymentRecord(String.format("r%03d", records.size()), ENV, Operation.SYNC, revision, Map.of(),
                "pipeline", "ci", at, at.plusSeconds(60), result, "", null, health, List.of(), null));
    }

    private static Instant daysBefore(double days) {
        return TO.minus(Duration.ofMinutes((long) (days * 24 * 60)));
    }

    @Test
    void weeksEndAtToOldestFirstAndCountAsTheWholePeriodDoes() {
        deploy("c1", daysBefore(90), Result.SUCCEEDED, "Healthy");   // before the 12 weeks (84 days): history only
        deploy("c2", daysBefore(20), Result.SUCCEEDED, "Healthy");   // week 10 (days 21..14 before)
        deploy("c3", daysBefore(19), Result.FAILED, "Degraded");      // week 10, a failed change
        deploy("c4", daysBefore(3), Result.SUCCEEDED, "Healthy");    // week 12
        deploy("c4", daysBefore(2), Result.SUCCEEDED, "Healthy");    // re-sync: not a deployment
        deploy("c5", daysBefore(1), Result.SUCCEEDED, "Healthy");    // week 12

        DeliveryTrend trend = DeliveryTrend.compute(ENV, records, log, TO, 12);

        assertThat(trend.weeks()).hasSize(12);
        assertThat(trend.weeks().get(0).from()).isEqualTo(TO.minus(Duration.ofDays(84)));
        assertThat(trend.weeks().get(11).to()).isEqualTo(TO);
        for (int i = 1; i < 12; i++) {
            assertThat(trend.weeks().get(i).from()).isEqualTo(trend.weeks().get(i - 1).to());
        }
        assertThat(trend.weeks()).extracting(DeliveryMetrics::deployments)
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2);
        DeliveryMetrics week10 = trend.weeks().get(9);
        assertThat(week10.successfulDeployments()).isEqualTo(1);
        assertThat(week10.failedChanges()).isEqualTo(1);
        // c3's incident is restored by c4, in week 12: a week knows only the records up to its end
        assertThat(week10.unrestored()).isEqualTo(1);
        assertThat(week10.timeToRestoreMedian()).isNull();
        DeliveryMetrics whole = DeliveryCalculator.compute(ENV, records, log, TO.minus(Duration.ofDays(84)), TO);
        assertThat(trend.weeks().stream().mapToInt(DeliveryMetrics::deployments).sum()).isEqualTo(whole.deployments());
        assertThat(trend.weeks().stream().mapToInt(DeliveryMetrics::commits).sum()).isEqualTo(whole.commits());
    }

    @Test
    void gitIsAskedOncePerQuestionWhateverTheNumberOfWeeks() {
        deploy("c1", daysBefore(30), Result.SUCCEEDED, "Healthy");
        deploy("c2", daysBefore(10), Result.SUCCEEDED, "Healthy");
        DeliveryTrend.compute(ENV, records, log, TO, 12);
        assertThat(gitCalls).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void asMapIsPlainDataForAChartWithHoursAndNullsForEmptyWeeks() throws Exception {
        deploy("c1", daysBefore(3), Result.SUCCEEDED, "Healthy");
        DeliveryTrend trend = DeliveryTrend.compute(ENV, records, log, TO, 2);
        Map<String, Object> map = trend.asMap();
        assertThat(map).containsEntry("environment", ENV);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> weeks = (List<Map<String, Object>>) map.get("weeks");
        assertThat(weeks).hasSize(2);
        assertThat(weeks.get(0)).containsEntry("start", "2026-11-16T00:00:00Z").containsEntry("deployments", 0)
                .containsEntry("leadTimeMedianHours", null);
        // c1 authored 100 days + 1 hour before TO... deployed 3 days before TO, a minute later
        double hours = Duration.ofDays(97).minusHours(1).plusMinutes(1).toMinutes() / 60.0;
        assertThat((Double) weeks.get(1).get("leadTimeMedianHours")).isCloseTo(hours, org.assertj.core.api.Assertions.within(0.01));
        assertThat(weeks.get(1)).containsEntry("deployments", 1).containsEntry("end", "2026-11-30T00:00:00Z");
        assertThat(new ObjectMapper().readValue(trend.toJson(), Map.class)).isEqualTo(map);
    }

    @Test
    void aTrendCoversOneTo520Weeks() {
        assertThatThrownBy(() -> DeliveryTrend.compute(ENV, records, log, TO, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a trend covers 1 to 520 weeks, not 0");
        assertThat(DeliveryTrend.compute(ENV, records, log, TO, 1).weeks()).hasSize(1);
    }

    @Test
    void theReportHasThirtyDaysOfFiguresAndTwelveWeeks() {
        deploy("c1", daysBefore(40), Result.SUCCEEDED, "Healthy");
        deploy("c2", daysBefore(5), Result.SUCCEEDED, "Healthy");
        DeliveryReport report = DeliveryReport.compute(ENV, records, log, TO);
        assertThat(report.figures().from()).isEqualTo(TO.minus(Duration.ofDays(30)));
        assertThat(report.figures().deployments()).isEqualTo(1);
        assertThat(report.trend().weeks()).hasSize(12);
        assertThat(report.trend().weeks().stream().mapToInt(DeliveryMetrics::deployments).sum()).isEqualTo(2);
        assertThat(gitCalls).as("the figures and the weeks share one Git lookup per question").doesNotHaveDuplicates();
    }

    @Test
    void figuresAsMapUseTheCommandsJsonNames() {
        deploy("c1", daysBefore(5), Result.SUCCEEDED, "Healthy");
        Map<String, Object> m = DeliveryCalculator.compute(ENV, records, log, TO.minus(Duration.ofDays(30)), TO).asMap();
        assertThat(m).containsOnlyKeys("environment", "from", "to", "historyFrom", "coversPeriod", "deployments",
                "successfulDeployments", "deploymentsPerDay", "deploymentsPerWeek", "deploymentFrequencyBand", "commits",
                "leadTimeMedianSeconds", "leadTimeP90Seconds", "leadTimeBand", "changes", "failedChanges",
                "changeFailureRate", "changeFailureRateBand", "restores", "unrestored", "timeToRestoreMedianSeconds",
                "timeToRestoreBand");
        assertThat(m).containsEntry("deployments", 1).containsEntry("changeFailureRate", 0.0)
                .containsEntry("changeFailureRateBand", "elite").containsEntry("timeToRestoreMedianSeconds", null)
                .containsEntry("timeToRestoreBand", null).containsEntry("deploymentFrequencyBand", "medium")
                .containsEntry("coversPeriod", false);
        assertThat((Double) m.get("deploymentsPerDay")).isEqualTo(1 / 30.0);
        assertThat(m.values()).allSatisfy(v -> assertThat(v == null || v instanceof String || v instanceof Boolean
                || v instanceof Integer || v instanceof Double).isTrue());
    }
}
