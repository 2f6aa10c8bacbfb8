package io.jenkins.plugins.gitops;

import io.jenkins.plugins.gitops.engine.pipeline.DeploymentEntry;
import java.time.Duration;
import java.time.Instant;

/**
 * One rollback started from a job's Environments page: who asked, what, how it went, and (when it
 * ran) the deployment it made. Its log is {@code gitops-rollbacks/<id>.log} in the job's folder.
 * Persisted by XStream in {@link JobDeployments}: strings, numbers, an enum and a
 * {@link DeploymentEntry} (whitelisted in META-INF/hudson.remoting.ClassFilter).
 */
public final class JobRollback {
    /** Where a rollback is; {@link #INTERRUPTED} when the controller stopped while it ran. */
    public enum State { RUNNING, SUCCEEDED, FAILED, REFUSED, INTERRUPTED }

    private final int id;
    private final String user;
    private final String repository;
    private final String environment;
    private final String to;
    private final long startedAtMillis;
    private State state = State.RUNNING;
    private long finishedAtMillis;
    private String message = "";
    private DeploymentEntry entry;

    JobRollback(int id, String user, String repository, String environment, String to, Instant startedAt) {
        this.id = id;
        this.user = user;
        this.repository = repository;
        this.environment = environment;
        this.to = to;
        this.startedAtMillis = startedAt.toEpochMilli();
    }

    synchronized void finish(State outcome, String text, DeploymentEntry deployment, Instant at) {
        this.state = outcome;
        this.message = text == null ? "" : text;
        this.entry = deployment;
        this.finishedAtMillis = at.toEpochMilli();
    }

    public int getId() {
        return id;
    }

    public String getUser() {
        return user;
    }

    public String getRepository() {
        return repository;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getTo() {
        return to;
    }

    public synchronized State getState() {
        return state;
    }

    public synchronized String getMessage() {
        return message;
    }

    /** The deployment the rollback made, or null when it did not get that far. */
    public synchronized DeploymentEntry getEntry() {
        return entry;
    }

    public Instant getStartedAt() {
        return Instant.ofEpochMilli(startedAtMillis);
    }

    /** How long it ran, or null while it runs. */
    public synchronized Duration getDuration() {
        return finishedAtMillis == 0 ? null : Duration.ofMillis(finishedAtMillis - startedAtMillis);
    }
}
