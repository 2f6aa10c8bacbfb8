package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.diff.Differ;
import io.jenkins.plugins.gitops.engine.diff.ObjectDiff;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.Ownership;
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

    /**
     * The plan for a prepared desired state against the live objects {@link Target#live} listed.
     * Ownership ({@link Ownership}) decides what is touched: a desired object that exists and belongs to
     * another repository or environment is refused (unless {@code takeOwnership}), and only objects this
     * environment owns are pruned. Throws {@link InvalidInputException} listing every problem; writes nothing.
     */
    public SyncPlan plan(Environment environment, DesiredState prepared, Map<ResourceKey, Resource> live) {
        Differ differ = new Differ(environment.ignoreDifferences());
        List<SyncTask> applies = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>(prepared.warnings());
        Map<ResourceKey, Resource> existing = existingElsewhere(prepared, live);
        for (Resource desired : prepared.resources()) {
            Resource current = live.containsKey(desired.key()) ? live.get(desired.key()) : existing.get(desired.key());
            if (current != null && !mayWrite(environment, desired, current, problems)) {
                continue;
            }
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
            if (desiredKeys.contains(orphan.key())) {
                continue;
            }
            Ownership owner = Ownership.of(orphan, environment.tracking());
            if (owner == Ownership.OURS || owner == Ownership.LEGACY && target.isScoped(orphan.key())) {
                prunes.add(new SyncTask(orphan.key(), environment.prune() ? SyncAction.DELETE : SyncAction.PRUNE_SKIPPED,
                        null, orphan, null, 0, target.applyRank(orphan.key())));
            } else if (owner == Ownership.LEGACY) {
                warnings.add(orphan.key() + " is labelled for environment '" + environment.name() + "' but records no"
                        + " owner (an earlier version labelled it), and another repository may have an environment of"
                        + " that name: it is not pruned. If it is this environment's and Git no longer has it, delete it"
                        + " by hand");
            }
        }
        applies.sort(APPLY_ORDER);
        prunes.sort(PRUNE_ORDER);
        refuseEmptying(environment, prepared, prunes);
        List<SyncTask> tasks = new ArrayList<>(applies);
        tasks.addAll(prunes);
        return new SyncPlan(environment.name(), prepared.revision(), tasks, warnings);
    }

    /** Objects at desired keys the listing did not return (another owner's or nobody's), read from the target. */
    private Map<ResourceKey, Resource> existingElsewhere(DesiredState prepared, Map<ResourceKey, Resource> live) {
        List<ResourceKey> absent = prepared.resources().stream().map(Resource::key).filter(k -> !live.containsKey(k))
                .toList();
        return absent.isEmpty() ? Map.of() : target.existing(absent);
    }

    /**
     * Whether an existing object may be written for this environment: ours, adopted (labelled before
     * owners, or by nobody), or taken over with {@code takeOwnership}. Another owner's object is a
     * problem; objects the target adds itself (a namespace for {@code createNamespace}) that exist and
     * are not ours are left as they are.
     */
    private static boolean mayWrite(Environment environment, Resource desired, Resource current, List<String> problems) {
        Ownership owner = Ownership.of(current, environment.tracking());
        boolean addedByTarget = desired.source().isEmpty();
        if (addedByTarget && (owner == Ownership.OTHER || owner == Ownership.UNMANAGED)) {
            return false;
        }
        if (owner == Ownership.OTHER && !environment.takeOwnership()) {
            problems.add(desired.describe() + " exists and is owned by " + Ownership.describeOwner(current)
                    + ", not by " + environment.tracking().describe() + "; nothing was written. Rename the object,"
                    + " remove it from the other environment first, or set takeOwnership: true for environment '"
                    + environment.name() + "' in gitops.yaml to take it over");
            return false;
        }
        return true;
    }

    /**
     * Argo CD's {@code allowEmpty}: a sync whose desired state has no object from Git (objects the
     * target adds itself, such as the namespace of {@code createNamespace}, have no source file) must
     * not prune every live object, unless the environment or the request allows it. A folder renamed
     * by mistake would otherwise wipe the environment.
     */
    private static void refuseEmptying(Environment environment, DesiredState prepared, List<SyncTask> prunes) {
        List<SyncTask> deletes = prunes.stream().filter(t -> t.action() == SyncAction.DELETE).toList();
        boolean nothingFromGit = prepared.resources().stream().allMatch(r -> r.source().isEmpty());
        if (environment.allowEmpty() || deletes.isEmpty() || !nothingFromGit) {
            return;
        }
        List<String> names = deletes.stream().map(t -> t.key().toString()).limit(5).toList();
        throw new InvalidInputException("environment '" + environment.name() + "': " + environment.path()
                + " renders no object at " + shortRevision(prepared.revision()) + ", so this sync would delete all "
                + deletes.size() + " live object(s) of the environment (" + String.join(", ", names)
                + (deletes.size() > names.size() ? ", ..." : "") + "); nothing was changed. If the environment is"
                + " meant to be empty, set allowEmpty: true for it in gitops.yaml, or sync once with --allow-empty"
                + " (allowEmpty: true on the gitopsSync step)");
    }

    private static String shortRevision(String revision) {
        return revision != null && revision.matches("[0-9a-f]{40}") ? revision.substring(0, 12) : String.valueOf(revision);
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
