package io.jenkins.plugins.gitops.engine.sync;

/** What a sync does to one object. */
public enum SyncAction {
    CREATE, UPDATE, DELETE, UNCHANGED,
    /** Managed, no longer in Git, but prune is off for this environment: left alone and reported. */
    PRUNE_SKIPPED;

    public String displayName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
