package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;

/** Small additions to deployment records made by the facade's operations. */
final class Records {
    private Records() {
    }

    /**
     * Whether a record is a successful deployment, that is, a sync that applied its revision (a
     * promotion that was only pushed, not synced, records no health and deployed nothing).
     */
    static boolean applied(DeploymentRecord record) {
        return record.succeeded() && record.healthStatus() != null;
    }

    /** The record with the rolled-back-to reference and the reason in front of its message. */
    static DeploymentRecord annotate(DeploymentRecord record, String rolledBackTo, String reason) {
        DeploymentRecord out = rolledBackTo == null ? record : record.withRolledBackTo(rolledBackTo);
        if (reason == null) {
            return out;
        }
        return out.withMessage(reason + (out.message() == null ? "" : "; " + out.message()));
    }
}
