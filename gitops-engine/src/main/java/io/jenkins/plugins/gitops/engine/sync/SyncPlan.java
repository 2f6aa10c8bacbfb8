package io.jenkins.plugins.gitops.engine.sync;

import java.util.List;

/** The ordered tasks of one sync; computed without writing anything. */
public record SyncPlan(String environment, String revision, List<SyncTask> tasks, List<String> warnings) {
    public SyncPlan {
        tasks = List.copyOf(tasks);
        warnings = List.copyOf(warnings);
    }

    public long count(SyncAction action) {
        return tasks.stream().filter(t -> t.action() == action).count();
    }

    /** Whether applying the plan would write anything. */
    public boolean hasChanges() {
        return tasks.stream().anyMatch(t -> t.action() == SyncAction.CREATE || t.action() == SyncAction.UPDATE
                || t.action() == SyncAction.DELETE);
    }

    /** Tasks that are not {@link SyncAction#UNCHANGED}. */
    public List<SyncTask> changes() {
        return tasks.stream().filter(t -> t.action() != SyncAction.UNCHANGED).toList();
    }
}
