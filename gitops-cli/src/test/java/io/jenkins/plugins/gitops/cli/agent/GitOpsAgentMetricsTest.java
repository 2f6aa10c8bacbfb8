package io.jenkins.plugins.gitops.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.metrics.GitOpsMetrics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GitOpsAgentMetricsTest {
    private final GitOpsAgentMetrics metrics = new GitOpsAgentMetrics(new GitOpsMetrics());

    @Test
    void driftedEnvironmentIsOutOfSyncWithItsDriftCount() {
        metrics.record(CheckOutcome.of("staging", Reports.drifted("staging",
                Reports.changed("Deployment", "docs-staging", "web"), Reports.changed("Service", "docs-staging", "web")),
                Duration.ofMillis(300)));

        assertThat(metrics.scrape()).contains("gitops_drift_resources{environment=\"staging\"} 2")
                .contains("gitops_sync_status{environment=\"staging\"} 0")
                .contains("gitops_drift_checks_total{environment=\"staging\",result=\"drifted\"} 1");
    }

    @Test
    void healedEnvironmentIsBackInSyncWithNoDrift() {
        metrics.record(CheckOutcome.of("development", Reports.drifted("development",
                Reports.changed("Deployment", "docs-dev", "web")), Duration.ofMillis(10)));
        metrics.record(CheckOutcome.of("development", Reports.healed("development", true,
                Reports.changed("Deployment", "docs-dev", "web")), Duration.ofMillis(10)));

        assertThat(metrics.scrape()).contains("gitops_drift_resources{environment=\"development\"} 0")
                .contains("gitops_sync_status{environment=\"development\"} 1")
                .contains("gitops_drift_checks_total{environment=\"development\",result=\"healed\"} 1");
    }

    @Test
    void failedCheckMakesTheStatusUnknownAndKeepsTheLastDriftCount() {
        metrics.record(CheckOutcome.of("production", Reports.drifted("production",
                Reports.changed("Deployment", "docs", "web")), Duration.ofMillis(10)));
        metrics.record(CheckOutcome.failed("production", new IllegalStateException("unreachable"), Duration.ofMillis(5)));

        assertThat(metrics.scrape()).contains("gitops_drift_resources{environment=\"production\"} 1")
                .contains("gitops_sync_status{environment=\"production\"} -1")
                .contains("gitops_drift_checks_total{environment=\"production\",result=\"failed\"} 1")
                .contains("gitops_drift_check_duration_seconds_count{environment=\"production\"} 2");
    }
}
