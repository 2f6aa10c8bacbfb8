package io.jenkins.plugins.gitops.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GitOpsMetricsTest {
    private final GitOpsMetrics metrics = new GitOpsMetrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    /** Sample lines (no comments) of one metric. */
    private List<String> samples(String scrape, String name) {
        return Arrays.stream(scrape.split("\n")).filter(l -> l.startsWith(name + "{") || l.startsWith(name + " ")).toList();
    }

    @Test
    void deploymentsAreCountedAndTimedUnderTheDocumentedNames() {
        metrics.recordDeployment("production", "web", "succeeded", Duration.ofSeconds(42));
        metrics.recordDeployment("production", "web", "succeeded", Duration.ofSeconds(8));
        metrics.recordDeployment("production", "web", "failed", Duration.ofMinutes(5));
        String scrape = metrics.scrape();

        assertThat(scrape).contains("# TYPE gitops_deployments_total counter",
                "# TYPE gitops_deployment_duration_seconds histogram");
        assertThat(samples(scrape, "gitops_deployments_total")).containsExactlyInAnyOrder(
                "gitops_deployments_total{component=\"web\",environment=\"production\",status=\"failed\"} 1.0",
                "gitops_deployments_total{component=\"web\",environment=\"production\",status=\"succeeded\"} 2.0");
        assertThat(samples(scrape, "gitops_deployment_duration_seconds_count")).contains(
                "gitops_deployment_duration_seconds_count{component=\"web\",environment=\"production\",status=\"succeeded\"} 2");
        assertThat(samples(scrape, "gitops_deployment_duration_seconds_sum")).contains(
                "gitops_deployment_duration_seconds_sum{component=\"web\",environment=\"production\",status=\"succeeded\"} 50.0");
        assertThat(scrape).contains("gitops_deployment_duration_seconds_bucket{component=\"web\",environment=\"production\","
                + "status=\"succeeded\",le=\"15.0\"} 1");
    }

    @Test
    void rollbacksDriftAndSyncStatusHaveTheirOwnSeries() {
        metrics.recordRollback("production", "auto", "health-timeout");
        metrics.setDrift("staging", 3);
        metrics.setDrift("staging", 2);
        metrics.setSyncStatus("staging", GitOpsMetrics.OUT_OF_SYNC);
        metrics.setSyncStatus("production", GitOpsMetrics.FAILED);
        metrics.setSyncStatus("development", GitOpsMetrics.SYNCED);
        String scrape = metrics.scrape();

        assertThat(samples(scrape, "gitops_rollbacks_total")).containsExactly(
                "gitops_rollbacks_total{environment=\"production\",reason=\"health-timeout\",trigger=\"auto\"} 1.0");
        assertThat(samples(scrape, "gitops_drift_resources")).containsExactly("gitops_drift_resources{environment=\"staging\"} 2.0");
        assertThat(samples(scrape, "gitops_sync_status")).containsExactlyInAnyOrder(
                "gitops_sync_status{environment=\"development\"} 1.0", "gitops_sync_status{environment=\"production\"} -1.0",
                "gitops_sync_status{environment=\"staging\"} 0.0");
        assertThat(scrape).contains("# TYPE gitops_drift_resources gauge", "# TYPE gitops_sync_status gauge");
    }

    @Test
    void labelValuesAreBoundedSoNoRevisionMessageOrSecretBecomesASeries() {
        String revision = "0123456789abcdef0123456789abcdef01234567";
        String secret = "pW9+Tq2/zLx8==";
        metrics.recordDeployment("production", revision, "succeeded", Duration.ofSeconds(1));
        metrics.recordDeployment("production", secret, "SUCCEEDED", Duration.ofSeconds(1));
        metrics.recordDeployment("production", "web", "exploded", Duration.ofSeconds(1));
        metrics.recordRollback("production", "cron", "Deployment 'web' did not become healthy within 5m");
        metrics.recordRollback("production", "self_heal", "0123456");
        String scrape = metrics.scrape();

        assertThat(scrape).doesNotContain(revision, secret, "0123456\"", "did not become", "exploded", "cron");
        assertThat(samples(scrape, "gitops_deployments_total")).containsExactlyInAnyOrder(
                "gitops_deployments_total{component=\"other\",environment=\"production\",status=\"succeeded\"} 2.0",
                "gitops_deployments_total{component=\"web\",environment=\"production\",status=\"other\"} 1.0");
        assertThat(samples(scrape, "gitops_rollbacks_total")).containsExactlyInAnyOrder(
                "gitops_rollbacks_total{environment=\"production\",reason=\"other\",trigger=\"other\"} 1.0",
                "gitops_rollbacks_total{environment=\"production\",reason=\"other\",trigger=\"self-heal\"} 1.0");
    }

    @Test
    void eachLabelHasABudgetOfDistinctValues() {
        for (int i = 0; i < LabelValues.MAX_VALUES + 20; i++) {
            metrics.recordDeployment("production", "component-" + i, "succeeded", Duration.ofSeconds(1));
        }
        List<String> series = samples(metrics.scrape(), "gitops_deployments_total");
        assertThat(series).hasSize(LabelValues.MAX_VALUES + 1)
                .contains("gitops_deployments_total{component=\"other\",environment=\"production\",status=\"succeeded\"} 20.0");
        Matcher m = Pattern.compile("component=\"component-(\\d+)\"").matcher(String.join("\n", series));
        int highest = -1;
        while (m.find()) {
            highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
        assertThat(highest).isEqualTo(LabelValues.MAX_VALUES - 1);
    }

    @Test
    void invalidGaugeValuesAreRefused() {
        assertThatThrownBy(() -> metrics.setSyncStatus("production", 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sync status is 1 (synced), 0 (out of sync) or -1 (failed), not 2");
        assertThatThrownBy(() -> metrics.setDrift("production", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deliveryFiguresAreGaugesPerEnvironmentAndNaNWhenNothingWasMeasured() {
        java.time.Instant to = java.time.Instant.parse("2026-11-30T00:00:00Z");
        metrics.setDelivery(new io.jenkins.plugins.gitops.engine.delivery.DeliveryMetrics("production",
                to.minus(Duration.ofDays(30)), to, 8, 6, 0.2, 7, 1, 1.0 / 7, 12, Duration.ofMinutes(90),
                Duration.ofHours(20), 2, 0, Duration.ofMinutes(12), to.minus(Duration.ofDays(40))));
        metrics.setDelivery(new io.jenkins.plugins.gitops.engine.delivery.DeliveryMetrics("staging",
                to.minus(Duration.ofDays(30)), to, 0, 0, 0, 0, 0, null, 0, null, null, 0, 0, null, null));
        String scrape = metrics.scrape();
        assertThat(samples(scrape, "gitops_delivery_deployment_frequency_per_day")).containsExactlyInAnyOrder(
                "gitops_delivery_deployment_frequency_per_day{environment=\"production\"} 0.2",
                "gitops_delivery_deployment_frequency_per_day{environment=\"staging\"} 0.0");
        assertThat(samples(scrape, "gitops_delivery_lead_time_median_seconds")).contains(
                "gitops_delivery_lead_time_median_seconds{environment=\"production\"} 5400.0",
                "gitops_delivery_lead_time_median_seconds{environment=\"staging\"} NaN");
        assertThat(samples(scrape, "gitops_delivery_lead_time_p90_seconds")).contains(
                "gitops_delivery_lead_time_p90_seconds{environment=\"production\"} 72000.0");
        assertThat(samples(scrape, "gitops_delivery_change_failure_ratio")).contains(
                "gitops_delivery_change_failure_ratio{environment=\"production\"} 0.14285714285714285",
                "gitops_delivery_change_failure_ratio{environment=\"staging\"} NaN");
        assertThat(samples(scrape, "gitops_delivery_time_to_restore_median_seconds")).contains(
                "gitops_delivery_time_to_restore_median_seconds{environment=\"production\"} 720.0");
        assertThat(scrape).contains("# TYPE gitops_delivery_change_failure_ratio gauge");
        // a later computation replaces the figures of the same series
        metrics.setDelivery(new io.jenkins.plugins.gitops.engine.delivery.DeliveryMetrics("staging",
                to.minus(Duration.ofDays(30)), to, 3, 3, 0.1, 3, 0, 0.0, 3, Duration.ofMinutes(30),
                Duration.ofMinutes(50), 0, 0, null, to.minus(Duration.ofDays(3))));
        assertThat(samples(metrics.scrape(), "gitops_delivery_deployment_frequency_per_day")).contains(
                "gitops_delivery_deployment_frequency_per_day{environment=\"staging\"} 0.1");
    }
}
