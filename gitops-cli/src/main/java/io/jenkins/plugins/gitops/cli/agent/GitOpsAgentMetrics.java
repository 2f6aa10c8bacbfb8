package io.jenkins.plugins.gitops.cli.agent;

import io.jenkins.plugins.gitops.engine.metrics.GitOpsMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The agent's metrics in the engine's registry: the drift and sync-status gauges of
 * {@link GitOpsMetrics}, plus the agent's own {@code gitops_drift_checks_total{environment,result}}
 * and {@code gitops_drift_check_duration_seconds{environment}}. {@link #scrape()} is what
 * {@code /metrics} serves.
 */
public final class GitOpsAgentMetrics implements AgentMetrics, AutoCloseable {
    private final GitOpsMetrics metrics;

    public GitOpsAgentMetrics(GitOpsMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void setDrift(String environment, int objects) {
        metrics.setDrift(environment, objects);
    }

    @Override
    public void setSyncStatus(String environment, int status) {
        metrics.setSyncStatus(environment, status);
    }

    @Override
    public void recordCheck(String environment, String result, Duration duration) {
        // environment names come from gitops.yaml, result from CheckOutcome.Result: both bounded
        Counter.builder("gitops.drift.checks").description("Drift checks run by the agent, by result")
                .tags("environment", environment, "result", result).register(metrics.registry()).increment();
        Timer.builder("gitops.drift.check.duration").description("Wall time of one drift check")
                .tags("environment", environment).register(metrics.registry()).record(duration);
    }

    /** Prometheus text format 0.0.4. */
    public String scrape() {
        return metrics.scrape();
    }

    @Override
    public void close() {
        metrics.close();
    }
}
