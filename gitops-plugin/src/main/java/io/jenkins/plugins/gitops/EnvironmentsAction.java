package io.jenkins.plugins.gitops;

import hudson.Util;
import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.util.LogTaskListener;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentEntry;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentText;
import io.jenkins.plugins.gitops.engine.pipeline.DriftState;
import io.jenkins.plugins.gitops.engine.pipeline.LifecycleResult;
import io.jenkins.plugins.gitops.engine.pipeline.RollbackArguments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The job page's view of the environments this job deploys: current revision, last sync, drift
 * state from the drift worker, and the history from the job's builds, with a rollback button.
 */
public class EnvironmentsAction implements Action {
    private static final Logger LOGGER = Logger.getLogger(EnvironmentsAction.class.getName());
    /** How many recent builds are read for the history (each build keeps its own entries). */
    static final int MAX_BUILDS = 50;

    private final Job<?, ?> job;

    EnvironmentsAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** Every real deployment of the recent builds, newest first (dry runs excluded). */
    public List<HistoryRow> getHistory() {
        List<HistoryRow> rows = new ArrayList<>();
        for (Run<?, ?> run : job.getBuilds().limit(MAX_BUILDS)) {
            DeploymentAction action = run.getAction(DeploymentAction.class);
            if (action == null) {
                continue;
            }
            List<DeploymentEntry> entries = new ArrayList<>(action.getEntries());
            java.util.Collections.reverse(entries);
            entries.stream().filter(e -> !e.isDryRun()).forEach(e -> rows.add(new HistoryRow(run, e)));
        }
        return rows;
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

    public boolean isRollbackAllowed() {
        return job.hasPermission(Item.BUILD);
    }

    /**
     * Rolls an environment back (revert commit, then sync), as {@code gitopsRollback} does. POST only,
     * and only for users who may build this job.
     */
    @RequirePOST
    public HttpResponse doRollback(@QueryParameter String repository, @QueryParameter String environment,
            @QueryParameter String to) {
        job.checkPermission(Item.BUILD);
        String actor = Jenkins.getAuthentication2().getName();
        try {
            RollbackArguments arguments = Failures.valid("rollback", () -> new RollbackArguments(
                    Util.fixEmptyAndTrim(repository), environment, to, RollbackArguments.Mode.REVERT, actor).validate());
            LifecycleResult result = EngineSession.use("rollback", arguments.repository(), null, null,
                    List.of(arguments.environment()), CredentialsLookup.forItem(job),
                    new LogTaskListener(LOGGER, Level.INFO), session -> session.lifecycle().rollback(arguments));
            LOGGER.info(() -> actor + " rolled back " + environment + " from " + job.getFullName() + ": "
                    + DeploymentText.summary(result));
            return HttpResponses.redirectToDot();
        } catch (hudson.AbortException e) {
            return HttpResponses.errorWithoutStack(400, e.getMessage());
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
