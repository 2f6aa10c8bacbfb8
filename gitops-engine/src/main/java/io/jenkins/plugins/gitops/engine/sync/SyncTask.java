package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.diff.ObjectDiff;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;

/**
 * One step of a plan, as plain data: no desired object means prune, no live object means create.
 *
 * @param wave sync wave (see {@link Waves}: ours, Argo CD's, or Helm's hook weight); lower waves first
 * @param rank the target's kind order within a wave
 */
public record SyncTask(ResourceKey key, SyncAction action, Resource desired, Resource live, ObjectDiff diff, int wave,
        int rank) {

    /** The file the object comes from, or "" for prunes. */
    public String source() {
        return desired == null ? "" : desired.source();
    }
}
