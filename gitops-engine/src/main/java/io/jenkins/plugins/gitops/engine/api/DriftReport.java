package io.jenkins.plugins.gitops.engine.api;

import java.time.Instant;
import java.util.List;

/**
 * Drift of one environment: objects changed, deleted or added outside Git (compared with the desired
 * state of the last synced revision), and whether Git has moved past that revision.
 *
 * @param lastSyncedRevision revision of the last successful deployment (null: never synced)
 * @param headRevision       revision Git has now
 * @param pinned             a direct rollback pinned the environment: no self-heal until Git catches up
 * @param objects            the drifted objects, with their redacted changes
 * @param healed             the self-heal sync, when one ran
 */
public record DriftReport(String environment, String lastSyncedRevision, String headRevision, boolean pinned,
        List<ObjectResult> objects, SyncResult healed, Instant checkedAt, String message) {
    public DriftReport {
        objects = List.copyOf(objects);
    }

    /** Objects changed, deleted or added outside Git. */
    public int driftedObjects() {
        return objects.size();
    }

    public boolean gitAhead() {
        return lastSyncedRevision != null && headRevision != null && !lastSyncedRevision.equals(headRevision);
    }

    public boolean drifted() {
        return !objects.isEmpty() || gitAhead() || lastSyncedRevision == null;
    }
}
