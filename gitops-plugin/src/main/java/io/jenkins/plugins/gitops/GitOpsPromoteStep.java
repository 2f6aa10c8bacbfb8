package io.jenkins.plugins.gitops;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentText;
import io.jenkins.plugins.gitops.engine.pipeline.LifecycleResult;
import io.jenkins.plugins.gitops.engine.pipeline.PromoteArguments;
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
 * {@code gitopsPromote from: 'staging', to: 'production', approvedBy: who}: copy the release of one
 * environment into the next, commit, push, and sync it. An environment with {@code sync: approval}
 * refuses a promotion without {@code approvedBy}, and {@code approvedBy} is accepted only when this
 * build recorded an {@code input} approval by that user (take it from the {@code input} step's
 * {@code submitterParameter}); gitops.yaml's {@code approvers} may name the user or one of their
 * Jenkins groups. Not resumable across a restart: a promotion writes a commit, so it is not repeated
 * blindly; use {@code sync: false} and a following {@code gitopsSync} for long health waits.
 */
public class GitOpsPromoteStep extends GitOpsStep {
    private final String from;
    private final String to;
    private boolean sync = true;
    private String approvedBy;

    @DataBoundConstructor
    public GitOpsPromoteStep(String from, String to) {
        this.from = Util.fixEmptyAndTrim(from);
        this.to = Util.fixEmptyAndTrim(to);
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public boolean isSync() {
        return sync;
    }

    @DataBoundSetter
    public void setSync(boolean sync) {
        this.sync = sync;
    }

    @CheckForNull
    public String getApprovedBy() {
        return approvedBy;
    }

    @DataBoundSetter
    public void setApprovedBy(String approvedBy) {
        this.approvedBy = Util.fixEmptyAndTrim(approvedBy);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient GitOpsPromoteStep step;

        Execution(GitOpsPromoteStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener log = getContext().get(TaskListener.class);
            String actor = Actors.of(run);
            List<String> recorded = Approvals.recorded(run);
            PromoteArguments arguments = Failures.valid("gitopsPromote", () -> new PromoteArguments(step.repository,
                    step.from, step.to, step.sync, step.approvedBy, actor).validate().checkRecorded(recorded)
                    .withApproverGroups(Approvals.groups(step.approvedBy)));
            Instant started = Instant.now();
            return EngineSession.use("gitopsPromote", step.repository, step.credentialsId, step.targetCredentialsId,
                    List.of(step.from, step.to), CredentialsLookup.forRun(run, GitOpsStep.holder(getContext())), log,
                    session -> {
                try {
                    arguments.checkApproval(session.gitOps().config(null));
                } catch (InvalidInputException refused) {
                    if (arguments.approvedBy() == null) {
                        session.gitOps().notifyApprovalWaiting(step.from, step.to, actor);
                    }
                    throw refused;
                }
                if (arguments.approvedBy() != null) {
                    session.listener().progress("Promotion of " + step.from + " to " + step.to + " approved by "
                            + arguments.approvedBy());
                }
                LifecycleResult result = session.lifecycle().promote(arguments);
                session.listener().progress(DeploymentText.summary(result));
                if (result.sync() != null) {
                    BuildLog.print(session.listener(), DeploymentText.summary(result.sync()));
                }
                String recordId = Records.add(run, "promote", session, result, actor, arguments.approvedBy(), started);
                if (result.sync() != null && !result.sync().succeeded()) {
                    throw new AbortException("gitopsPromote: " + step.to + " was promoted but its sync failed: "
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
            return "gitopsPromote";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Promote a release to the next GitOps environment";
        }

        @Override
        public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
            return Summaries.promotion(namedArgs);
        }
    }
}
