package io.jenkins.plugins.gitops;

import hudson.AbortException;
import hudson.model.Job;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.model.SyncPolicy;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentEntry;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentText;
import io.jenkins.plugins.gitops.engine.pipeline.LeaseHolders;
import io.jenkins.plugins.gitops.engine.pipeline.LifecycleResult;
import io.jenkins.plugins.gitops.engine.pipeline.RollbackArguments;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A rollback started from a job's Environments page, run in the background (never in the HTTP
 * request: a revert, a sync and a health wait take minutes) with its own record and log in the job's
 * folder ({@link JobDeployments}). Credentials are those a build of the job would get
 * ({@link CredentialsLookup#forItem}); an environment with {@code sync: approval} needs the user who
 * clicked to be one of its approvers ({@link RollbackArguments#checkApprover}), checked against
 * gitops.yaml before anything is written.
 */
final class JobPageRollback implements Runnable {
    private static final Logger LOGGER = Logger.getLogger(JobPageRollback.class.getName());

    private final Job<?, ?> job;
    private final JobDeployments deployments;
    private final JobRollback rollback;
    private final List<String> groups;

    /**
     * @param groups the groups of the user who asked (for gitops.yaml's approvers), read while the
     *               request still carried their identity
     */
    JobPageRollback(Job<?, ?> job, JobDeployments deployments, JobRollback rollback, List<String> groups) {
        this.job = job;
        this.deployments = deployments;
        this.rollback = rollback;
        this.groups = List.copyOf(groups);
    }

    @Override
    public void run() {
        File file = deployments.log(rollback);
        if (!file.getParentFile().isDirectory() && !file.getParentFile().mkdirs()) {
            finish(JobRollback.State.FAILED, "cannot create " + file.getParentFile(), null);
            return;
        }
        Instant started = Instant.now();
        try (StreamTaskListener log = new StreamTaskListener(file, StandardCharsets.UTF_8)) {
            log.getLogger().println(BuildLog.PREFIX + rollback.getUser() + " rolls " + rollback.getEnvironment() + " of "
                    + rollback.getRepository() + " back to " + rollback.getTo() + " from the Environments page of "
                    + job.getFullName());
            String holder = LeaseHolders.jobPage(Controller.id(), job.getFullName(), String.valueOf(rollback.getId()),
                    rollback.getUser());
            try {
                RollbackArguments arguments = Failures.valid("rollback", () -> new RollbackArguments(
                        rollback.getRepository(), rollback.getEnvironment(), rollback.getTo(),
                        RollbackArguments.Mode.REVERT, rollback.getUser()).validate());
                Outcome outcome = EngineSession.use("rollback", arguments.repository(), null, null,
                        List.of(arguments.environment()), CredentialsLookup.forItem(job, holder), log,
                        session -> rollBack(session, arguments, started));
                if (outcome.refusal() != null) {
                    log.error(outcome.refusal());
                }
                finish(outcome.state(), outcome.refusal() != null ? outcome.refusal() : outcome.entry().getMessage(),
                        outcome.entry());
            } catch (AbortException e) {
                log.error(e.getMessage());
                finish(JobRollback.State.FAILED, e.getMessage(), null);
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Rollback " + rollback.getId() + " of " + job.getFullName() + " failed", e);
            // the message of an unexpected error is not kept: it could echo something secret
            finish(JobRollback.State.FAILED, "failed unexpectedly (" + e.getClass().getSimpleName()
                    + "); see the Jenkins system log", null);
        }
    }

    /** What a rollback came to: refused before anything was written (with the reason), or run (with its entry). */
    private record Outcome(JobRollback.State state, String refusal, DeploymentEntry entry) {
    }

    private Outcome rollBack(EngineSession session, RollbackArguments arguments, Instant started) {
        ProjectConfig config = session.gitOps().config(null);
        try {
            arguments.checkApprover(config, groups);
        } catch (InvalidInputException e) {
            return new Outcome(JobRollback.State.REFUSED, session.mask(e.getMessage()), null);
        }
        // where gitops.yaml asks for approval, the approver who clicked is recorded as approving it
        String approvedBy = config.environment(arguments.environment()).sync() == SyncPolicy.APPROVAL
                ? rollback.getUser() : null;
        LifecycleResult result = session.lifecycle().rollback(arguments);
        session.listener().progress(DeploymentText.summary(result));
        if (result.sync() != null) {
            BuildLog.print(session.listener(), DeploymentText.summary(result.sync()));
        }
        DeploymentEntry entry = Records.entry(job.getFullName() + " rollback " + rollback.getId(), "rollback",
                session.repository().getUrl(), result, rollback.getUser(), approvedBy, started);
        return new Outcome(entry.isSucceeded() ? JobRollback.State.SUCCEEDED : JobRollback.State.FAILED, null, entry);
    }

    private void finish(JobRollback.State state, String message, DeploymentEntry entry) {
        rollback.finish(state, message, entry, Instant.now());
        deployments.saveQuietly();
    }
}
