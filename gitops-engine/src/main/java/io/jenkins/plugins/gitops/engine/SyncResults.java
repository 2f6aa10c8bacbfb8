package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.api.HookRun;
import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.sync.HookResult;
import io.jenkins.plugins.gitops.engine.sync.SyncAction;
import io.jenkins.plugins.gitops.engine.sync.SyncOutcome;
import io.jenkins.plugins.gitops.engine.sync.SyncTask;
import io.jenkins.plugins.gitops.engine.sync.TaskResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns an executor outcome into the facade's plain {@link SyncResult}. */
final class SyncResults {
    private SyncResults() {
    }

    static SyncResult of(Environment environment, String revision, String target, boolean dryRun, SyncOutcome outcome,
            List<String> extraWarnings, Duration duration) {
        List<ObjectResult> objects = new ArrayList<>();
        List<SyncTask> tasks = outcome.plan().tasks();
        for (int i = 0; i < tasks.size(); i++) {
            objects.add(object(tasks.get(i), outcome.results().get(i)));
        }
        return new SyncResult(environment.name(), revision, target, dryRun, outcome.succeeded(), outcome.message(),
                outcome.health().displayName(), count(outcome, SyncAction.CREATE, dryRun),
                count(outcome, SyncAction.UPDATE, dryRun), count(outcome, SyncAction.DELETE, dryRun),
                count(outcome, SyncAction.UNCHANGED),
                count(outcome, SyncAction.PRUNE_SKIPPED), objects, warnings(outcome, extraWarnings), duration, null,
                outcome.hooks().stream().map(SyncResults::hook).toList());
    }

    static HookRun hook(HookResult h) {
        return new HookRun(h.phase().displayName(), h.key().kind(), h.key().namespace(), h.key().name(), h.source(),
                h.wave(), h.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), h.message(),
                h.deleted());
    }

    /** One task as a plain result; {@code result} null for plan-only views (drift). */
    static ObjectResult object(SyncTask task, TaskResult result) {
        return new ObjectResult(task.key().kind(), task.key().namespace(), task.key().name(), task.source(),
                task.action().displayName(), result == null ? "planned" : result.outcome().name().toLowerCase(java.util.Locale.ROOT),
                result == null ? "" : result.message(),
                result == null || result.health() == null ? null : result.health().toString(),
                task.diff() == null ? "" : task.diff().unified(), task.diff() == null ? List.of() : task.diff().changes());
    }

    private static List<String> warnings(SyncOutcome outcome, List<String> extra) {
        List<String> all = new ArrayList<>(outcome.plan().warnings());
        all.addAll(extra);
        return all;
    }

    private static int count(SyncOutcome outcome, SyncAction action) {
        return (int) outcome.plan().count(action);
    }

    /**
     * Writes of one kind: planned ones for a dry run, else only those the target accepted, so that a
     * sync stopped by an apply error does not report the objects it never wrote as created.
     */
    private static int count(SyncOutcome outcome, SyncAction action, boolean dryRun) {
        if (dryRun) {
            return count(outcome, action);
        }
        return (int) outcome.results().stream()
                .filter(r -> r.action() == action && r.outcome() == TaskResult.Outcome.DONE).count();
    }
}
