package io.jenkins.plugins.gitops.engine.sync;

import java.util.List;

/**
 * The ordered tasks of one sync; computed without writing anything.
 *
 * @param tasks ordinary objects: applies by wave, then prunes
 * @param hooks hooks by phase and wave (see {@link HookTasks}); never among {@code tasks}, never pruned
 */
public record SyncPlan(String environment, String revision, List<SyncTask> tasks, List<String> warnings,
        List<HookTask> hooks) {
    public SyncPlan {
        tasks = List.copyOf(tasks);
        warnings = List.copyOf(warnings);
        hooks = List.copyOf(hooks);
    }

    /** A plan without hooks. */
    public SyncPlan(String environment, String revision, List<SyncTask> tasks, List<String> warnings) {
        this(environment, revision, tasks, warnings, List.of());
    }

    /** The same plan without hooks: a no-op sync of a revision already applied runs none (as Argo CD starts no sync). */
    public SyncPlan withoutHooks() {
        return new SyncPlan(environment, revision, tasks, warnings, List.of());
    }

    public long count(SyncAction action) {
        return tasks.stream().filter(t -> t.action() == action).count();
    }

    /** Whether applying the plan would write anything to an ordinary object (hooks run only when a sync runs). */
    public boolean hasChanges() {
        return tasks.stream().anyMatch(t -> t.action() == SyncAction.CREATE || t.action() == SyncAction.UPDATE
                || t.action() == SyncAction.DELETE);
    }

    /** Tasks that are not {@link SyncAction#UNCHANGED}. */
    public List<SyncTask> changes() {
        return tasks.stream().filter(t -> t.action() != SyncAction.UNCHANGED).toList();
    }
}
