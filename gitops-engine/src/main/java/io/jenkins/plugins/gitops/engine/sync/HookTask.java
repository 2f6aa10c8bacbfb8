package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.model.Hook;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;

/**
 * One hook to run in one phase, as plain data (Argo CD's hook {@code syncTask}): the object to create (named:
 * a {@code generateName} hook gets its name for this sync), the object of that name already in the cluster
 * (null if none), its wave within the phase and its annotations read as a {@link Hook}.
 */
public record HookTask(ResourceKey key, Hook.Phase phase, Resource desired, Resource live, int wave, Hook hook) {

    /** The file the hook comes from. */
    public String source() {
        return desired.source();
    }

    /** {@code PreSync hook Job/shop/shop-migrate}: how messages name a hook. */
    public String describe() {
        return phase.displayName() + " hook " + key;
    }
}
