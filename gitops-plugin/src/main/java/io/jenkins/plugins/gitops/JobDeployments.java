package io.jenkins.plugins.gitops;

import hudson.XmlFile;
import hudson.model.Job;
import hudson.model.Saveable;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * What one job deployed and the rollbacks started from its Environments page, kept in the job's own
 * folder ({@code gitops-deployments.xml}), so it moves with the job when it is renamed or moved and
 * goes when it is deleted. It lets the job page know cheaply whether the job deploys (a file check,
 * not loading builds) and which (repository, environment) pairs it may roll back. Persisted with
 * core's XStream ({@code Jenkins.XSTREAM2}): only this plugin's classes, strings, lists and the
 * whitelisted {@code DeploymentEntry}.
 */
public final class JobDeployments implements Saveable {
    static final String FILE = "gitops-deployments.xml";
    static final String LOGS = "gitops-rollbacks";
    /** Rollback records kept per job; older ones and their logs are removed. */
    static final int MAX_ROLLBACKS = 20;
    private static final Logger LOGGER = Logger.getLogger(JobDeployments.class.getName());
    /** Loaded stores by job folder, so concurrent builds of a job share one. */
    private static final Map<String, JobDeployments> LOADED = new ConcurrentHashMap<>();

    /** The persisted form of this file; a later form brings older ones up to date when it reads them. */
    private final int format = 1;
    private final List<DeployedEnvironment> environments = new ArrayList<>();
    private final List<JobRollback> rollbacks = new ArrayList<>();
    private int lastRollbackId;
    private transient File folder;

    private JobDeployments(File folder) {
        this.folder = folder;
    }

    /** Whether the job ever deployed through the GitOps steps; cheap enough for every job page. */
    static boolean exists(Job<?, ?> job) {
        File folder = job.getRootDir();
        JobDeployments loaded = LOADED.get(folder.getPath());
        return loaded != null ? loaded.hasAny() : new File(folder, FILE).isFile();
    }

    private synchronized boolean hasAny() {
        return !environments.isEmpty();
    }

    /** The job's store, loaded once; rollbacks still marked running after a restart become interrupted. */
    static JobDeployments of(Job<?, ?> job) {
        File folder = job.getRootDir();
        return LOADED.computeIfAbsent(folder.getPath(), key -> load(folder));
    }

    /** Forgets the loaded stores of the job or folder at {@code root} and of every job below it. */
    static void forget(File root) {
        String path = root.getPath();
        LOADED.keySet().removeIf(key -> key.equals(path) || key.startsWith(path + File.separator));
    }

    /** Forgets the loaded stores whose job folder is gone (the job was renamed or moved). */
    static void forgetMoved() {
        LOADED.keySet().removeIf(key -> !new File(key).isDirectory());
    }

    private static JobDeployments load(File folder) {
        XmlFile file = new XmlFile(Jenkins.XSTREAM2, new File(folder, FILE));
        JobDeployments store = new JobDeployments(folder);
        if (file.exists()) {
            try {
                file.unmarshal(store);
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Could not read " + file + "; starting an empty one", e);
            }
            store.folder = folder;
            store.rollbacks.stream().filter(r -> r.getState() == JobRollback.State.RUNNING)
                    .forEach(r -> r.finish(JobRollback.State.INTERRUPTED, "Jenkins stopped while the rollback ran; check"
                            + " the environment's status and roll back again if needed", r.getEntry(), Instant.now()));
        }
        return store;
    }

    /** Notes that the job deployed this environment of this repository (saved only when new). */
    synchronized void deployed(String repository, String environment) {
        if (environments.stream().noneMatch(e -> e.is(repository, environment))) {
            environments.add(new DeployedEnvironment(repository, environment));
            saveQuietly();
        }
    }

    synchronized boolean hasDeployed(String repository, String environment) {
        return environments.stream().anyMatch(e -> e.is(repository, environment));
    }

    public synchronized List<DeployedEnvironment> getEnvironments() {
        return List.copyOf(environments);
    }

    /** Job-page rollbacks, newest first. */
    public synchronized List<JobRollback> getRollbacks() {
        List<JobRollback> newestFirst = new ArrayList<>(rollbacks);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    synchronized JobRollback rollback(int id) {
        return rollbacks.stream().filter(r -> r.getId() == id).findFirst().orElse(null);
    }

    /** Records a new rollback as running, dropping the oldest beyond {@link #MAX_ROLLBACKS}. */
    synchronized JobRollback start(String user, String repository, String environment, String to) {
        JobRollback rollback = new JobRollback(++lastRollbackId, user, repository, environment, to, Instant.now());
        rollbacks.add(rollback);
        while (rollbacks.size() > MAX_ROLLBACKS) {
            JobRollback dropped = rollbacks.remove(0);
            if (!log(dropped).delete() && log(dropped).exists()) {
                LOGGER.warning(() -> "Could not delete " + log(dropped));
            }
        }
        saveQuietly();
        return rollback;
    }

    /** The log file of a rollback. */
    File log(JobRollback rollback) {
        return new File(new File(folder, LOGS), rollback.getId() + ".log");
    }

    @Override
    public synchronized void save() throws IOException {
        new XmlFile(Jenkins.XSTREAM2, new File(folder, FILE)).write(this);
    }

    synchronized void saveQuietly() {
        try {
            save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save " + new File(folder, FILE), e);
        }
    }
}
