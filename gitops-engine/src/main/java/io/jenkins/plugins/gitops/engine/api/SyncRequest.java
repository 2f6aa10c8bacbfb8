package io.jenkins.plugins.gitops.engine.api;

import java.time.Duration;
import java.util.Map;

/**
 * A request to sync (or, with {@code dryRun}, to plan) one environment.
 *
 * @param revision  branch, tag or commit; null for the repository's default branch
 * @param prune     overrides the environment's prune setting when not null
 * @param timeout   overrides the environment's health timeout when not null
 * @param variables extra variables for compose interpolation (override gitops.yaml's)
 * @param trigger   who or what asked: {@code manual}, {@code pipeline}, {@code agent}, ...
 * @param actor     the user or job behind the trigger
 */
public record SyncRequest(String environment, String revision, boolean dryRun, boolean waitHealthy, Boolean prune,
        Duration timeout, Map<String, String> variables, String trigger, String actor) {
    public SyncRequest {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    public static SyncRequest of(String environment) {
        return new SyncRequest(environment, null, false, true, null, null, Map.of(), "manual", System.getProperty("user.name"));
    }

    public SyncRequest withRevision(String value) {
        return new SyncRequest(environment, value, dryRun, waitHealthy, prune, timeout, variables, trigger, actor);
    }

    public SyncRequest withDryRun(boolean value) {
        return new SyncRequest(environment, revision, value, waitHealthy, prune, timeout, variables, trigger, actor);
    }

    public SyncRequest withWait(boolean value) {
        return new SyncRequest(environment, revision, dryRun, value, prune, timeout, variables, trigger, actor);
    }

    public SyncRequest withPrune(Boolean value) {
        return new SyncRequest(environment, revision, dryRun, waitHealthy, value, timeout, variables, trigger, actor);
    }

    public SyncRequest withTimeout(Duration value) {
        return new SyncRequest(environment, revision, dryRun, waitHealthy, prune, value, variables, trigger, actor);
    }

    public SyncRequest withVariables(Map<String, String> value) {
        return new SyncRequest(environment, revision, dryRun, waitHealthy, prune, timeout, value, trigger, actor);
    }

    public SyncRequest withTrigger(String newTrigger, String newActor) {
        return new SyncRequest(environment, revision, dryRun, waitHealthy, prune, timeout, variables, newTrigger, newActor);
    }
}
