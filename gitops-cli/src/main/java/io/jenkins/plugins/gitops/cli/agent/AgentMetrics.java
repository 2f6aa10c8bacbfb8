package io.jenkins.plugins.gitops.cli.agent;

import io.jenkins.plugins.gitops.engine.metrics.GitOpsMetrics;
import java.time.Duration;

/**
 * Where the agent reports each check, as Prometheus series (names in DESIGN §4):
 * {@code gitops_drift_resources{environment}} and {@code gitops_sync_status{environment}}.
 */
public interface AgentMetrics {
    /** {@code gitops_sync_status}: live matches Git. */
    int IN_SYNC = GitOpsMetrics.SYNCED;
    /** {@code gitops_sync_status}: drift found or Git ahead of the last sync. */
    int OUT_OF_SYNC = GitOpsMetrics.OUT_OF_SYNC;
    /** {@code gitops_sync_status}: the last check failed, the state is not known. */
    int UNKNOWN = GitOpsMetrics.FAILED;

    AgentMetrics NONE = new AgentMetrics() {
        @Override
        public void setDrift(String environment, int objects) {
        }

        @Override
        public void setSyncStatus(String environment, int status) {
        }
    };

    void setDrift(String environment, int objects);

    void setSyncStatus(String environment, int status);

    /** Counts a finished check ({@code result}: in-sync, healed, drifted, failed). */
    default void recordCheck(String environment, String result, Duration duration) {
    }

    /** Updates the gauges from one check: a failed check keeps the last known drift count. */
    default void record(CheckOutcome outcome) {
        switch (outcome.result()) {
            case IN_SYNC, HEALED -> {
                setDrift(outcome.environment(), 0);
                setSyncStatus(outcome.environment(), IN_SYNC);
            }
            case DRIFTED -> {
                setDrift(outcome.environment(), outcome.driftedObjects());
                setSyncStatus(outcome.environment(), OUT_OF_SYNC);
            }
            case FAILED -> setSyncStatus(outcome.environment(), UNKNOWN);
        }
        recordCheck(outcome.environment(), outcome.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                outcome.duration());
    }
}
