package io.jenkins.plugins.gitops;

import hudson.Extension;
import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.ProgressListener;
import io.jenkins.plugins.gitops.engine.pipeline.FacadeLifecycle;
import io.jenkins.plugins.gitops.engine.pipeline.LifecycleOperations;

/** The engine's own promotion, rollback, status and drift, for the steps, the job page and the drift worker. */
@Extension
public final class EngineLifecycleProvider implements GitOpsLifecycleProvider {
    @Override
    public LifecycleOperations open(GitOps gitOps, ProgressListener listener) {
        return new FacadeLifecycle(gitOps);
    }
}
