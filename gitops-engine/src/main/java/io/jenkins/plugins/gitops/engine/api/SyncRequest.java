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
 * @param overrideWindow why this sync runs although the environment's deployment windows are closed (docs/windows.md);
 *                  recorded in the history when it was needed; null or blank: a closed window refuses the sync
 */
public record SyncRequest(String environment, String revision, boolean dryRun, boolean waitHealthy, Boolean prune,
        Duration timeout, Map<String, String> variables, String trigger, String actor, boolean allowEmpty,
        String overrideWindow) {
    public SyncRequest {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        overrideWindow = overrideWindow == null || overrideWindow.isBlank() ? null : overrideWindow.strip();
    }

    /** A request without a window override. */
    public SyncRequest(String environment, String revision, boolean dryRun, boolean waitHealthy, Boolean prune,
            Duration timeout, Map<String, String> variables, String trigger, String actor, boolean allowEmpty) {
        this(environment, revision, dryRun, waitHealthy, prune, timeout, variables, trigger, actor, allowEmpty, null);
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
        return new SyncRequest(environment, revision, dryRun, waitHealthy, prune, timeout, variables, trigger, actor, value, overrideWindow);
    }

    public SyncRequest withRevision(String value) {
        return new SyncRequest(environment, value, dryRun, waitHealthy, prune, timeout, variables, trigger, actor, allowEmpty, overrideWindow);
    }

    public SyncRequest withDryRun(boolean value) {
        return new SyncRequest(environment, revision, value, waitHealthy, prune, timeout, variables, trigger, actor, allowEmpty, overrideWindow);
    }

    public SyncRequest withWait(boolean value) {
        return new SyncRequest(environment, revision, dryRun, value, prune, timeout, variables, trigger, actor, allowEmpty, overrideWindow);
    }

    public SyncRequest withPrune(Boolean value) {
        return new SyncRequest(environment, revision, dryRun, waitHealthy, value, timeout, variables, trigger, actor, allowEmpty, overrideWindow);
    }

    public SyncRequest withTimeout(Duration value) {
        return new SyncRequest(environment, revision, dryRun, waitHealthy, prune, value, variables, trigger, actor, allowEmpty, overrideWindow);
    }

    public SyncRequest withVariables(Map<String, String> value) {
        return new SyncRequest(environment, revision, dryRun, waitHealthy, prune, timeout, value, trigger, actor, allowEmpty, overrideWindow);
    }

    public SyncRequest withTrigger(String newTrigger, String newActor) {
        return new SyncRequest(environment, revision, dryRun, waitHealthy, prune, timeout, variables, newTrigger, newActor, allowEmpty, overrideWindow);
    }

    /** The same request with the reason to run it although the deployment windows are closed (null: none). */
    public SyncRequest withOverrideWindow(String reason) {
        return new SyncRequest(environment, revision, dryRun, waitHealthy, prune, timeout, variables, trigger, actor,
                allowEmpty, reason);
    }
}
