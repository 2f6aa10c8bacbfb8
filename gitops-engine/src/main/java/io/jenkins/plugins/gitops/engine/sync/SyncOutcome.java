package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.health.HealthStatus;
import java.util.List;

/**
 * The result of executing a plan: every task's result, the overall health and whether the sync
 * succeeded. {@code message} says why it failed (object, reason) when it did.
 */
public record SyncOutcome(SyncPlan plan, List<TaskResult> results, HealthStatus health, boolean succeeded,
        String message) {
    public SyncOutcome {
        results = List.copyOf(results);
    }
}
