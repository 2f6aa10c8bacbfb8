package io.jenkins.plugins.gitops;

import hudson.model.Run;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * The deployments one run made (syncs, promotions, rollbacks), shown on the build page. Holds only
 * {@link DeploymentEntry} values built from engine results, which carry no secrets and redacted diffs.
 */
public class DeploymentAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(DeploymentAction.class.getName());

    private final List<DeploymentEntry> entries = new ArrayList<>();
    private transient Run<?, ?> run;

    /** The run's action, added on first use. */
    static DeploymentAction of(Run<?, ?> run) {
        synchronized (run) {
            DeploymentAction action = run.getAction(DeploymentAction.class);
            if (action == null) {
                action = new DeploymentAction();
                run.addAction(action);
            }
            return action;
        }
    }

    /** The id the next entry will get: {@code job/name#12/1}. Shown to users and returned by the steps. */
    synchronized String nextId() {
        return run.getExternalizableId() + "/" + (entries.size() + 1);
    }

    synchronized void add(DeploymentEntry entry) {
        entries.add(entry);
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save deployment " + entry.getId() + " of " + run, e);
        }
    }

    public synchronized List<DeploymentEntry> getEntries() {
        return List.copyOf(entries);
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return "symbol-cloud-upload-outline plugin-ionicons-api";
    }

    @Override
    public String getDisplayName() {
        return "Deployments";
    }

    @Override
    public String getUrlName() {
        return "gitops";
    }
}
