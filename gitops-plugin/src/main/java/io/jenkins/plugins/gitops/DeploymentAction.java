package io.jenkins.plugins.gitops;

import hudson.model.Run;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * The deployments one run made (syncs, promotions, rollbacks), shown on the build page. Holds only
 * {@link DeploymentEntry} values built from engine results, which carry no secrets and redacted diffs.
 *
 * <p>Saved with the build by XStream, whose class filter (JEP-200: core {@code ClassFilterImpl},
 * {@code XStream2}) only accepts classes of core, of plugin jars, JDK classes it lists, and classes a
 * plugin whitelists: {@code DeploymentEntry} and {@code ObjectRow} come from the engine jar in this
 * plugin's {@code WEB-INF/lib}, so they are listed in {@code META-INF/hudson.remoting.ClassFilter}
 * (read by core's {@code CustomClassFilter.Contributed}). Their persisted form is versioned (see
 * {@link DeploymentEntry#FORMAT}).
 */
public class DeploymentAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(DeploymentAction.class.getName());

    private List<DeploymentEntry> entries = new ArrayList<>();
    private transient Run<?, ?> run;

    /** The run's action, added on first use. */
    static DeploymentAction of(Run<?, ?> run) {
        synchronized (DeploymentAction.class) {
            DeploymentAction action = run.getAction(DeploymentAction.class);
            if (action == null) {
                action = new DeploymentAction();
                run.addAction(action);
            }
            return action;
        }
    }

    /**
     * Adds the entry made for the next id ({@code job/name#12/3}, shown to users and returned by the
     * steps), saves the build, and notes the environment with the job. Id and entry are taken under
     * one lock, so steps of parallel branches never get the same id.
     *
     * @return the id given to the entry
     */
    String add(Function<String, DeploymentEntry> entryForId) {
        DeploymentEntry entry;
        synchronized (this) {
            entry = entryForId.apply(run.getExternalizableId() + "/" + (entries.size() + 1));
            entries.add(entry);
            try {
                run.save();
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Could not save deployment " + entry.getId() + " of " + run, e);
            }
        }
        if (!entry.isDryRun()) {
            JobDeployments.of(run.getParent()).deployed(entry.getRepository(), entry.getEnvironment());
        }
        return entry.getId();
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
        synchronized (this) {
            if (entries == null) {
                entries = new ArrayList<>();
            }
        }
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
