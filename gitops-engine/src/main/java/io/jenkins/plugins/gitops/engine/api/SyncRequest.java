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
 * @param allowEmpty this sync may delete every live object when Git renders none (otherwise only when the
 *                  environment sets {@code allowEmpty}); refused without it
 */
public record SyncRequest(String environment, String revision, boolean dryRun, boolean waitHealthy, Boolean prune,
        Duration timeout, Map<String, String> variables, String trigger, String actor, boolean allowEmpty) {
    public SyncRequest {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    /** A request without {@code allowEmpty}. */
    public SyncRequest(String environment, String revision, boolean dryRun, boolean waitHealthy, Boolean prune,
            Duration timeout, Map<String, String> variables, String trigger, String actor) {
        this(environment, revision, dryRun, waitHealthy, prune, timeout, variables, trigger, actor, false);
    }

    public static SyncRequest of(String environment) {
        return new SyncRequest(environment, null, false, true, null, null, Map.of(), "manual", System.getProperty("user.name"));
    }

    public SyncRequest withAllowEmpty(boolean value) {
        return new SyncRequest(environment, revision, dryRun, waitHealthy, prune, timeout, variables, trigger, actor, value);
    }

    public SyncRequest withRevision(String value) {
        return new SyncRequest(environment, value, dryRun, waitHealthy, prune, timeout, variables, trigger, actor, allowEmpty);
    }

    public SyncRequest withDryRun(boolean value) {
        return new SyncRequest(environment, revision, value, waitHealthy, prune, timeout, variables, trigger, actor, allowEmpty);
    }

    public SyncRequest withWait(boolean value) {
        return new SyncRequest(environment, revision, dryRun, value, prune, timeout, variables, trigger, actor, allowEmpty);
    }

    public SyncRequest withPrune(Boolean value) {
        return new SyncRequest(environment, revision, dryRun, waitHealthy, value, timeout, variables, trigger, actor, allowEmpty);
    }

    public SyncRequest withTimeout(Duration value) {
        return new SyncRequest(environment, revision, dryRun, waitHealthy, prune, value, variables, trigger, actor, allowEmpty);
    }

    public SyncRequest withVariables(Map<String, String> value) {
        return new SyncRequest(environment, revision, dryRun, waitHealthy, prune, timeout, value, trigger, actor, allowEmpty);
    }

    public SyncRequest withTrigger(String newTrigger, String newActor) {
        return new SyncRequest(environment, revision, dryRun, waitHealthy, prune, timeout, variables, newTrigger, newActor, allowEmpty);
    }
}
