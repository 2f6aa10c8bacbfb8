package io.jenkins.plugins.gitops.engine.model;

/** How an environment is brought in line with Git. */
public enum SyncPolicy {
    /** Every new revision is synced by the agent or the drift worker. */
    AUTOMATIC,
    /** Synced only when a pipeline step or a person asks. */
    MANUAL,
    /** Like manual, and a promotion into it needs a recorded approver. */
    APPROVAL;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
