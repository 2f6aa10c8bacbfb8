package io.jenkins.plugins.gitops;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.engine.GitOpsException;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryMetrics;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryReport;
import io.jenkins.plugins.gitops.engine.pipeline.EnvironmentStatus;
import io.jenkins.plugins.gitops.engine.pipeline.StepResults;
import io.jenkins.plugins.gitops.engine.pipeline.SyncArguments;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code def s = gitopsStatus environment: 'staging'}: the last synced revision, health, whether live and
 * Git still agree, and the delivery figures of the last 30 days ({@code s.delivery}, see
 * {@code StepResults.of(EnvironmentStatus, DeliveryMetrics)}). Read-only; records nothing.
 */
public class GitOpsStatusStep extends GitOpsStep {
    private final String environment;

    @DataBoundConstructor
    public GitOpsStatusStep(String environment) {
        this.environment = Util.fixEmptyAndTrim(environment);
    }

    public String getEnvironment() {
        return environment;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient GitOpsStatusStep step;

        Execution(GitOpsStatusStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            Failures.valid("gitopsStatus", () -> SyncArguments.of(step.environment).validate("gitopsStatus"));
            Run<?, ?> run = getContext().get(Run.class);
            return EngineSession.use("gitopsStatus", step.repository, step.credentialsId, step.targetCredentialsId,
                    List.of(step.environment), CredentialsLookup.forRun(run, GitOpsStep.holder(getContext())),
                    getContext().get(TaskListener.class),
                    session -> {
                EnvironmentStatus status = session.lifecycle().status(step.environment);
                session.listener().progress(step.environment + ": revision " + status.revision() + ", health "
                        + status.health() + (status.inSync() ? ", in sync" : ", differs from Git")
                        + (status.behindGit() ? ", Git has moved on to " + status.headRevision() : "")
                        + (status.pinned() ? ", pinned by a direct rollback" : ""));
                Instant now = Instant.now();
                DeliveryMetrics figures = null;
                try {
                    figures = session.gitOps().delivery(step.environment, now.minus(DeliveryReport.WINDOW), now);
                } catch (GitOpsException e) {
                    session.listener().progress(step.environment + ": delivery figures not computed: "
                            + session.mask(e.getMessage()));
                }
                return StepResults.of(status, figures);
            });
        }
    }

    @Extension
    public static class DescriptorImpl extends GitOpsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "gitopsStatus";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Show the state of a GitOps environment";
        }

        @Override
        public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
            return Summaries.environment(namedArgs);
        }
    }
}
