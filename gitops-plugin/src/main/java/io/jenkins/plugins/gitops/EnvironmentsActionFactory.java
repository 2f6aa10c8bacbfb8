package io.jenkins.plugins.gitops;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Adds the Environments page to jobs that deployed through the GitOps steps. Called on every render
 * of every job page, so it only checks that the job's {@link JobDeployments} file exists (no build is
 * loaded).
 */
@Extension
@SuppressWarnings("rawtypes")
public class EnvironmentsActionFactory extends TransientActionFactory<Job> {
    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return EnvironmentsAction.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job target) {
        Job<?, ?> job = target;
        return JobDeployments.exists(job) ? List.of(new EnvironmentsAction(job)) : List.of();
    }
}
