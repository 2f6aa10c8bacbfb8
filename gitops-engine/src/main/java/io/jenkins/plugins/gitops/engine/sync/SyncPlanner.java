package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.diff.Differ;
import io.jenkins.plugins.gitops.engine.diff.ObjectDiff;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Compares a prepared desired state with the managed live objects and orders the resulting tasks:
 * applies by wave, then the target's kind rank, then name; prunes last, in reverse rank.
 */
public final class SyncPlanner {
    private static final Comparator<SyncTask> APPLY_ORDER = Comparator.comparingInt(SyncTask::wave)
            .thenComparingInt(SyncTask::rank).thenComparing(SyncTask::key);
    private static final Comparator<SyncTask> PRUNE_ORDER = Comparator.comparingInt(SyncTask::rank).reversed()
            .thenComparing(SyncTask::key);

    private final Target target;

    public SyncPlanner(Target target) {
        this.target = target;
    }

    public SyncPlan plan(Environment environment, DesiredState prepared, Map<ResourceKey, Resource> live) {
        Differ differ = new Differ(environment.ignoreDifferences());
        List<SyncTask> applies = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Resource desired : prepared.resources()) {
            Resource current = live.get(desired.key());
            ObjectDiff diff = differ.diff(desired, current, current == null ? null : target.lastApplied(current),
                    target.serverOwnedPointers(desired.key()));
            SyncAction action = current == null ? SyncAction.CREATE : diff.isEmpty() ? SyncAction.UNCHANGED : SyncAction.UPDATE;
            applies.add(new SyncTask(desired.key(), action, desired, current, diff, wave(desired, problems),
                    target.applyRank(desired.key())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<SyncTask> prunes = new ArrayList<>();
        Set<ResourceKey> desiredKeys = new HashSet<>(Resource.keys(prepared.resources()));
        for (Resource orphan : live.values()) {
            if (!desiredKeys.contains(orphan.key())) {
                prunes.add(new SyncTask(orphan.key(), environment.prune() ? SyncAction.DELETE : SyncAction.PRUNE_SKIPPED,
                        null, orphan, null, 0, target.applyRank(orphan.key())));
            }
        }
        applies.sort(APPLY_ORDER);
        prunes.sort(PRUNE_ORDER);
        List<SyncTask> tasks = new ArrayList<>(applies);
        tasks.addAll(prunes);
        return new SyncPlan(environment.name(), prepared.revision(), tasks, prepared.warnings());
    }

    private static int wave(Resource desired, List<String> problems) {
        String value = desired.annotations().get(Labels.SYNC_WAVE);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            problems.add(desired.describe() + ": annotation " + Labels.SYNC_WAVE + " is '" + value
                    + "'; it must be a whole number such as -1, 0 or 5");
            return 0;
        }
    }
}
