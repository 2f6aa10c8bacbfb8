package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.diff.Differ;
import io.jenkins.plugins.gitops.engine.diff.ObjectDiff;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Hook;
import io.jenkins.plugins.gitops.engine.model.Ownership;
import io.jenkins.plugins.gitops.engine.model.Waves;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Compares a prepared desired state with the managed live objects and orders the resulting tasks:
 * applies by wave (see {@link Waves}; CRDs without one first), then the target's kind rank, then name;
 * prunes last, in reverse rank. Hooks are planned apart ({@link HookTasks}).
 */
public final class SyncPlanner {
    private static final Comparator<SyncTask> APPLY_ORDER = Comparator.comparingInt(SyncTask::wave)
            .thenComparingInt(SyncTask::rank).thenComparing(SyncTask::key);
    private static final Comparator<SyncTask> PRUNE_ORDER = Comparator.comparingInt(SyncTask::rank).reversed()
            .thenComparing(SyncTask::key);

    private final Target target;
    private final Instant started;

    public SyncPlanner(Target target) {
        this(target, Instant.now());
    }

    /** @param started when the sync started: names {@code generateName} hooks (see {@link HookTasks}) */
    public SyncPlanner(Target target, Instant started) {
        this.target = target;
        this.started = started;
    }

    /**
     * Plans a sync. Hook objects (see {@link Hook}) are planned apart as {@link SyncPlan#hooks()}; live objects
     * carrying hook annotations are never pruned, and neither are those {@link PruneProtection} protects.
     * Ownership ({@link Ownership}, {@link OwnershipRules}) decides what else is touched: a desired object that
     * exists and belongs to another repository or environment is refused (unless {@code takeOwnership}), only
     * objects this environment owns are pruned, and a sync that would prune every object because Git renders
     * none is refused (unless {@code allowEmpty}). Throws {@link InvalidInputException} listing every problem;
     * writes nothing.
     */
    public SyncPlan plan(Environment environment, DesiredState prepared, Map<ResourceKey, Resource> live) {
        Differ differ = new Differ(environment.ignoreDifferences());
        List<SyncTask> applies = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>(prepared.warnings());
        List<Resource> hooks = new ArrayList<>();
        List<Resource> crdsWithoutWave = new ArrayList<>();
        Map<ResourceKey, Resource> existing = existingElsewhere(prepared, live);
        for (Resource desired : prepared.resources()) {
            if (Hook.of(desired.annotations()).isHookAnnotated()) {
                hooks.add(desired);
                continue;
            }
            Resource current = live.containsKey(desired.key()) ? live.get(desired.key()) : existing.get(desired.key());
            if (current != null && !OwnershipRules.mayWrite(environment, desired, current, problems)) {
                continue;
            }
            ObjectDiff diff = differ.diff(desired, current, current == null ? null : target.lastApplied(current),
                    target.serverOwnedPointers(desired.key()));
            SyncAction action = current == null ? SyncAction.CREATE : diff.isEmpty() ? SyncAction.UNCHANGED : SyncAction.UPDATE;
            if ((isCrd(desired) || isNamespace(desired)) && !Waves.explicit(desired)) {
                crdsWithoutWave.add(desired);
            }
            applies.add(new SyncTask(desired.key(), action, desired, current, diff,
                    Waves.of(desired, problems, new ArrayList<>()), target.applyRank(desired.key())));
        }
        // Malformed Argo CD / Helm waves were already reported as warnings when the environment was rendered.
        List<HookTask> hookTasks = HookTasks.plan(hooks, live, prepared.revision(), started, problems, new ArrayList<>());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        firstWaveForCrds(applies, hookTasks, crdsWithoutWave);
        List<SyncTask> prunes = new ArrayList<>();
        Set<ResourceKey> desiredKeys = new HashSet<>(Resource.keys(prepared.resources()));
        for (Resource orphan : live.values()) {
            if (desiredKeys.contains(orphan.key()) || Hook.of(orphan.annotations()).isHookAnnotated()) {
                continue; // hooks are never pruned as ordinary objects (Argo CD skips them the same way)
            }
            if (!OwnershipRules.prunable(environment, target, orphan, warnings)) {
                continue;
            }
            boolean prune = environment.prune() && PruneProtection.reason(orphan).isEmpty();
            prunes.add(new SyncTask(orphan.key(), prune ? SyncAction.DELETE : SyncAction.PRUNE_SKIPPED,
                    null, orphan, null, 0, target.applyRank(orphan.key())));
        }
        applies.sort(APPLY_ORDER);
        prunes.sort(PRUNE_ORDER);
        OwnershipRules.refuseEmptying(environment, prepared, prunes);
        List<SyncTask> tasks = new ArrayList<>(applies);
        tasks.addAll(prunes);
        return new SyncPlan(environment.name(), prepared.revision(), tasks, warnings, hookTasks);
    }

    /** Objects at desired keys the listing did not return (another owner's or nobody's), read from the target. */
    private Map<ResourceKey, Resource> existingElsewhere(DesiredState prepared, Map<ResourceKey, Resource> live) {
        List<ResourceKey> absent = prepared.resources().stream().filter(r -> !Hook.of(r.annotations()).isHookAnnotated())
                .map(Resource::key).filter(k -> !live.containsKey(k)).toList();
        return absent.isEmpty() ? Map.of() : target.existing(absent);
    }

    /**
     * A CRD or Namespace without a wave annotation goes to the first wave, so what it defines or holds exists in
     * every wave (the executor even applies such namespaces before PreSync hooks, whose objects live there).
     */
    private static void firstWaveForCrds(List<SyncTask> applies, List<HookTask> hooks, List<Resource> crds) {
        if (crds.isEmpty()) {
            return;
        }
        int first = Math.min(0, applies.stream().mapToInt(SyncTask::wave).min().orElse(0));
        first = Math.min(first, hooks.stream().filter(h -> h.phase() == Hook.Phase.SYNC).mapToInt(HookTask::wave)
                .min().orElse(0));
        for (int i = 0; i < applies.size(); i++) {
            SyncTask t = applies.get(i);
            if (crds.contains(t.desired())) {
                applies.set(i, new SyncTask(t.key(), t.action(), t.desired(), t.live(), t.diff(), first, t.rank()));
            }
        }
    }

    static boolean isNamespace(Resource r) {
        return r.key().group().isEmpty() && "Namespace".equals(r.kind());
    }

    private static boolean isCrd(Resource r) {
        return "apiextensions.k8s.io".equals(r.key().group()) && "CustomResourceDefinition".equals(r.kind());
    }
}
