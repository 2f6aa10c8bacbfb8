package io.jenkins.plugins.gitops;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentText;
import io.jenkins.plugins.gitops.engine.pipeline.LifecycleResult;
import io.jenkins.plugins.gitops.engine.pipeline.RollbackArguments;
import io.jenkins.plugins.gitops.engine.pipeline.StepResults;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code gitopsRollback environment: 'production', to: 'previous'}: go back to a recorded deployment.
 * By default a revert commit is written and synced, so Git stays the truth; {@code mode: 'direct'}
 * applies the recorded revision and pins the environment until Git catches up.
 */
public class GitOpsRollbackStep extends GitOpsStep {
    private final String environment;
    private String to;
    private String mode;
    private String overrideWindow;

    @DataBoundConstructor
    public GitOpsRollbackStep(String environment) {
        this.environment = Util.fixEmptyAndTrim(environment);
    }

    public String getEnvironment() {
        return environment;
    }

    @CheckForNull
    public String getTo() {
        return to;
    }

    @DataBoundSetter
    public void setTo(String to) {
        this.to = Util.fixEmptyAndTrim(to);
    }

    @CheckForNull
    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = Util.fixEmptyAndTrim(mode);
    }

    @CheckForNull
    public String getOverrideWindow() {
        return overrideWindow;
    }

    /** Why to roll back although the environment's deployment windows are closed; recorded (docs/windows.md). */
    @DataBoundSetter
    public void setOverrideWindow(String overrideWindow) {
        this.overrideWindow = Util.fixEmptyAndTrim(overrideWindow);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient GitOpsRollbackStep step;

        Execution(GitOpsRollbackStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener log = getContext().get(TaskListener.class);
            String actor = Actors.of(run);
            RollbackArguments arguments = Failures.valid("gitopsRollback", () -> new RollbackArguments(step.repository,
                    step.environment, step.to, RollbackArguments.Mode.parse(step.mode), actor, step.overrideWindow).validate());
            Instant started = Instant.now();
            return EngineSession.use("gitopsRollback", step.repository, step.credentialsId, step.targetCredentialsId,
                    List.of(step.environment), CredentialsLookup.forRun(run, GitOpsStep.holder(getContext())), log, session -> {
                LifecycleResult result = session.lifecycle().rollback(arguments);
                session.listener().progress(DeploymentText.summary(result));
                if (result.sync() != null) {
                    BuildLog.print(session.listener(), DeploymentText.summary(result.sync()));
                }
                String recordId = Records.add(run, "rollback", session, result, actor, null, started);
                if (result.sync() != null && !result.sync().succeeded()) {
                    throw new AbortException("gitopsRollback: " + step.environment + " sync after the rollback failed: "
                            + session.mask(result.sync().message()));
                }
                return StepResults.of(result, recordId);
            });
        }
    }

    @Extension
    public static class DescriptorImpl extends GitOpsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "gitopsRollback";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Roll a GitOps environment back to a recorded deployment";
        }

        @Override
        public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
            return Summaries.environment(namedArgs);
        }
    }
}
