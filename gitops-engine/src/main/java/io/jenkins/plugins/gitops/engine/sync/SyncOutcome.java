package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.health.HealthStatus;
import java.util.List;

/**
 * The result of executing a plan: every task's result, every hook's result (in the order they ran, then
 * those not run), the overall health and whether the sync succeeded. {@code message} says why it failed
 * (object or hook, reason) when it did.
 */
public record SyncOutcome(SyncPlan plan, List<TaskResult> results, HealthStatus health, boolean succeeded,
        String message, List<HookResult> hooks) {
    public SyncOutcome {
        results = List.copyOf(results);
        hooks = List.copyOf(hooks);
    }

    /** An outcome without hooks. */
    public SyncOutcome(SyncPlan plan, List<TaskResult> results, HealthStatus health, boolean succeeded, String message) {
        this(plan, results, health, succeeded, message, List.of());
    }
}
