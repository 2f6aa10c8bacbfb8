package io.jenkins.plugins.gitops;

import hudson.model.Action;
import hudson.model.Computer;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.User;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentEntry;
import io.jenkins.plugins.gitops.engine.pipeline.DriftState;
import io.jenkins.plugins.gitops.engine.pipeline.RollbackArguments;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The job page's view of the environments this job deploys: current revision, last sync, drift
 * state from the drift worker, the history from the job's builds, and a rollback button whose
 * rollbacks run in the background with their own record and log ({@link JobPageRollback}).
 */
public class EnvironmentsAction implements Action {
    /** How many recent builds are read for the history (each build keeps its own entries). */
    static final int MAX_BUILDS = 50;
    /** The largest part of a rollback log the page serves. */
    static final int MAX_LOG_BYTES = 1 << 20;

    private final Job<?, ?> job;
    private List<HistoryRow> history;

    EnvironmentsAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /**
     * Every real deployment of the recent builds, newest first (dry runs excluded). Read once per action:
     * core makes a new action for each request (TransientActionFactory), and the page uses it twice.
     */
    public synchronized List<HistoryRow> getHistory() {
        if (history == null) {
            history = readHistory();
        }
        return history;
    }

    private List<HistoryRow> readHistory() {
        List<HistoryRow> rows = new ArrayList<>();
        for (Run<?, ?> run : job.getBuilds().limit(MAX_BUILDS)) {
            DeploymentAction action = run.getAction(DeploymentAction.class);
            if (action == null) {
                continue;
            }
            List<DeploymentEntry> entries = new ArrayList<>(action.getEntries());
            Collections.reverse(entries);
            entries.stream().filter(e -> !e.isDryRun()).forEach(e -> rows.add(new HistoryRow(run, e)));
        }
        return List.copyOf(rows);
    }

    /** The latest deployment per repository and environment, with its drift state. */
    public List<EnvironmentRow> getEnvironments() {
        Map<String, EnvironmentRow> latest = new LinkedHashMap<>();
        for (HistoryRow row : getHistory()) {
            DeploymentEntry entry = row.getEntry();
            latest.computeIfAbsent(entry.getRepository() + " " + entry.getEnvironment(),
                    key -> new EnvironmentRow(row, DriftWork.get().state(entry.getRepository(), entry.getEnvironment())));
        }
        return List.copyOf(latest.values());
    }

    /** The previews listed for this job's page (its own fragment, JobPreviews/table.jelly). */
    public JobPreviews getPreviews() {
        return JobPreviews.of(job);
    }

    /** The delivery figures and trend of the environments this job deployed (its own fragment, DeliveryView). */
    public DeliveryView getDelivery() {
        return new DeliveryView(job);
    }

    /** The rollbacks started from this page, newest first. */
    public List<JobRollback> getRollbacks() {
        return JobDeployments.of(job).getRollbacks();
    }

    public boolean isRollbackAllowed() {
        return job.hasPermission(Item.BUILD);
    }

    /**
     * Starts a rollback of an environment to its previous deployment (revert commit, then sync), as
     * {@code gitopsRollback} does, and shows its record. POST only; for users who may build this job;
     * only for a (repository, environment) pair this job deployed, so the page cannot be used to reach
     * other repositories or environments with the job's credentials.
     */
    @RequirePOST
    public HttpResponse doRollback(@QueryParameter String repository, @QueryParameter String environment) {
        job.checkPermission(Item.BUILD);
        JobDeployments deployments = JobDeployments.of(job);
        if (repository == null || environment == null || !deployments.hasDeployed(repository, environment)) {
            return HttpResponses.errorWithoutStack(400, "This job never deployed environment '" + environment
                    + "' of repository '" + repository + "'; only environments it deployed are rolled back here");
        }
        User user = User.current();
        String userId = user != null ? user.getId() : Jenkins.getAuthentication2().getName();
        JobRollback rollback = deployments.start(userId, repository, environment, RollbackArguments.PREVIOUS);
        Computer.threadPoolForRemoting.submit(new JobPageRollback(job, deployments, rollback, Approvals.groups(userId)));
        return HttpResponses.redirectTo(".#rollback-" + rollback.getId());
    }

    /** The log of a rollback started from this page, as plain text (for users who may see the job). */
    public HttpResponse doRollbackLog(@QueryParameter int id) throws IOException {
        job.checkPermission(Item.READ);
        JobDeployments deployments = JobDeployments.of(job);
        JobRollback rollback = deployments.rollback(id);
        if (rollback == null || !deployments.log(rollback).isFile()) {
            return HttpResponses.notFound();
        }
        try (RandomAccessFile log = new RandomAccessFile(deployments.log(rollback), "r")) {
            long from = Math.max(0, log.length() - MAX_LOG_BYTES);
            byte[] tail = new byte[(int) (log.length() - from)];
            log.seek(from);
            log.readFully(tail);
            return HttpResponses.text(new String(tail, StandardCharsets.UTF_8));
        }
    }

    @Override
    public String getIconFileName() {
        return "symbol-server";
    }

    @Override
    public String getDisplayName() {
        return "Environments";
    }

    @Override
    public String getUrlName() {
        return "gitops-environments";
    }

    /** One deployment and the build that made it. */
    public static final class HistoryRow {
        private final Run<?, ?> run;
        private final DeploymentEntry entry;

        HistoryRow(Run<?, ?> run, DeploymentEntry entry) {
            this.run = run;
            this.entry = entry;
        }

        public Run<?, ?> getRun() {
            return run;
        }

        public DeploymentEntry getEntry() {
            return entry;
        }
    }

    /** An environment's latest deployment and its last drift check (null before the first). */
    public static final class EnvironmentRow {
        private final HistoryRow latest;
        private final DriftState drift;

        EnvironmentRow(HistoryRow latest, DriftState drift) {
            this.latest = latest;
            this.drift = drift;
        }

        public HistoryRow getLatest() {
            return latest;
        }

        public DriftState getDrift() {
            return drift;
        }
    }
}
