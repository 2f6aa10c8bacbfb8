package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.health.Health;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;

/**
 * What happened to one object.
 *
 * @param outcome  done, failed, or not attempted (dry run, or an earlier failure stopped the sync)
 * @param message  the error or a short note; never a secret
 * @param health   health after the sync (null when not read)
 * @param attempts API attempts made (retries + 1)
 */
public record TaskResult(ResourceKey key, SyncAction action, Outcome outcome, String message, Health health,
        int attempts, String source) {
    public enum Outcome { DONE, FAILED, NOT_ATTEMPTED }

    public TaskResult withHealth(Health newHealth) {
        return new TaskResult(key, action, outcome, message, newHealth, attempts, source);
    }
}
