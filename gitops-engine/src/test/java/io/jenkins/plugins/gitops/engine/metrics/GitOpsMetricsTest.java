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
}
