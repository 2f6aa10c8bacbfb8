package io.jenkins.plugins.gitops;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.engine.pipeline.SyncArguments;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code gitopsDiff environment: 'production'}: what a sync would change, printed as a redacted diff;
 * writes nothing. Returns the sync map with {@code inSync} telling whether anything differs.
 */
public class GitOpsDiffStep extends GitOpsStep {
    private final String environment;
    private String revision;

    @DataBoundConstructor
    public GitOpsDiffStep(String environment) {
        this.environment = Util.fixEmptyAndTrim(environment);
    }

    public String getEnvironment() {
        return environment;
    }

    @CheckForNull
    public String getRevision() {
        return revision;
    }

    @DataBoundSetter
    public void setRevision(String revision) {
        this.revision = Util.fixEmptyAndTrim(revision);
    }

    @Override
    public StepExecution start(StepContext context) {
        SyncArguments arguments = new SyncArguments(environment, repository, revision, credentialsId,
                targetCredentialsId, null, true, false, null);
        return new Execution(arguments, context);
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient SyncArguments arguments;

        Execution(SyncArguments arguments, StepContext context) {
            super(context);
            this.arguments = arguments;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return SyncRunner.run("gitopsDiff", arguments, getContext().get(Run.class), getContext().get(TaskListener.class),
                    GitOpsStep.holder(getContext()), null, commit -> { });
        }
    }

    @Extension
    public static class DescriptorImpl extends GitOpsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "gitopsDiff";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Show what a GitOps sync would change";
        }

        @Override
        public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
            return Summaries.environment(namedArgs);
        }
    }
}
