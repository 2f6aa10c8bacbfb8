package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Ownership;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.List;

/**
 * What a sync may touch, by owner (see {@link Ownership} and docs/lifecycle.md, Ownership), and Argo CD's
 * {@code allowEmpty}: the planner's safety rules, kept apart from its ordering.
 */
final class OwnershipRules {
    private OwnershipRules() {
    }

    /**
     * Whether an existing object may be written for this environment: ours, adopted (labelled before
     * owners, or by nobody), or taken over with {@code takeOwnership}. Another owner's object is a
     * problem; objects the target adds itself (a namespace for {@code createNamespace}, no source file)
     * that exist and are not ours are left as they are.
     */
    static boolean mayWrite(Environment environment, Resource desired, Resource current, List<String> problems) {
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
     * Whether a live object Git no longer has is this environment's to prune: its owner label is ours, or
     * it was labelled for this environment before owners existed and lives where only this environment
     * deploys ({@link Target#isScoped}). A cluster-scoped one of the latter kind may be another
     * repository's: it is kept, with a warning.
     */
    static boolean prunable(Environment environment, Target target, Resource orphan, List<String> warnings) {
        Ownership owner = Ownership.of(orphan, environment.tracking());
        if (owner == Ownership.OURS || owner == Ownership.LEGACY && target.isScoped(orphan.key())) {
            return true;
        }
        if (owner == Ownership.LEGACY) {
            warnings.add(orphan.key() + " is labelled for environment '" + environment.name() + "' but records no"
                    + " owner (an earlier version labelled it), and another repository may have an environment of"
                    + " that name: it is not pruned. If it is this environment's and Git no longer has it, delete it"
                    + " by hand");
        }
        return false;
    }

    /**
     * Argo CD's {@code allowEmpty}: a sync whose desired state has no object from Git (objects the
     * target adds itself, such as the namespace of {@code createNamespace}, have no source file) must
     * not prune every live object, unless the environment or the request allows it. A folder renamed
     * by mistake would otherwise wipe the environment.
     */
    static void refuseEmptying(Environment environment, DesiredState prepared, List<SyncTask> prunes) {
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
}
