package io.jenkins.plugins.gitops;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import io.jenkins.plugins.gitops.engine.ProgressListener;
import io.jenkins.plugins.gitops.engine.pipeline.LifecycleOperations;

/**
 * Connects the engine's promotion, rollback, status and drift operations to the Jenkins side. The
 * engine's facade provides one implementation; the steps, the job page and the drift worker find it
 * here so that they stay independent of how the engine implements those operations.
 */
public interface GitOpsLifecycleProvider extends ExtensionPoint {

    LifecycleOperations open(GitOps gitOps, ProgressListener listener);

    /** The installed implementation, or a clear failure when none is. */
    static LifecycleOperations lookup(GitOps gitOps, ProgressListener listener) {
        ExtensionList<GitOpsLifecycleProvider> providers = ExtensionList.lookup(GitOpsLifecycleProvider.class);
        if (providers.isEmpty()) {
            throw new OperationFailedException("This GitOps plugin has no promotion/rollback/status support installed"
                    + " (no GitOpsLifecycleProvider extension); update the plugin");
        }
        return providers.get(0).open(gitOps, listener);
    }
}
