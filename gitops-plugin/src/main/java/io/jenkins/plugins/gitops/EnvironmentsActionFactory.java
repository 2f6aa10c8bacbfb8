package io.jenkins.plugins.gitops;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/** Adds the Environments page to jobs whose recent builds deployed something. */
@Extension
@SuppressWarnings("rawtypes")
public class EnvironmentsActionFactory extends TransientActionFactory<Job> {
    /** Recent builds looked at to decide whether the job deploys; keeps the job page cheap. */
    static final int RECENT_BUILDS = 10;

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
        for (Run<?, ?> run : job.getBuilds().limit(RECENT_BUILDS)) {
            if (run.getAction(DeploymentAction.class) != null) {
                return List.of(new EnvironmentsAction(job));
            }
        }
        return List.of();
    }
}
