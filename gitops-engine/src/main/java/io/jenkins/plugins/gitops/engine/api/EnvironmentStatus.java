package io.jenkins.plugins.gitops.engine.api;

import java.time.Instant;

/** Where an environment stands: last deployment, Git HEAD, health, pin, and who holds its lease. */
public record EnvironmentStatus(String environment, String target, String lastSyncedRevision, String headRevision,
        Instant lastSyncAt, String lastResult, String health, boolean pinned, String pinnedRevision, String leaseHolder) {
    public boolean behindGit() {
        return lastSyncedRevision != null && headRevision != null && !lastSyncedRevision.equals(headRevision);
    }
}
