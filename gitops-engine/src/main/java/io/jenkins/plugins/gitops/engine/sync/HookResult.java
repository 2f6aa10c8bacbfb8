package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.model.Hook;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;

/**
 * What happened to one hook.
 *
 * @param outcome succeeded (Job complete, Pod succeeded, other kinds once created), failed, not run (dry run,
 *                or the sync stopped before its phase; SyncFail hooks of a sync that succeeded)
 * @param message the hook's reason when it failed, or a short note
 * @param deleted whether its delete policy deleted it afterwards
 */
public record HookResult(ResourceKey key, Hook.Phase phase, int wave, String source, Outcome outcome, String message,
        boolean deleted) {
    public enum Outcome { SUCCEEDED, FAILED, NOT_RUN }

    HookResult withDeleted() {
        return new HookResult(key, phase, wave, source, outcome, message, true);
    }
}
