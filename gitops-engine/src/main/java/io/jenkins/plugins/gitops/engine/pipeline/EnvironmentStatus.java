package io.jenkins.plugins.gitops.engine.pipeline;

import java.time.Instant;

/**
 * The state of an environment as {@code gitopsStatus} and the job page show it.
 *
 * @param revision       last synced revision, or null when never synced
 * @param headRevision   current revision of the environment's branch in Git
 * @param health         Healthy, Progressing, Degraded, Missing or Unknown
 * @param inSync         live matches the desired state of {@code revision}
 * @param pinned         a direct rollback holds the environment at {@code revision}
 * @param lastSync       when the last sync finished, or null
 */
public record EnvironmentStatus(String environment, String revision, String headRevision, String health,
        boolean inSync, boolean pinned, Instant lastSync) {

    /** True when Git has moved on since the last sync. */
    public boolean behindGit() {
        return headRevision != null && !headRevision.equals(revision);
    }
}
