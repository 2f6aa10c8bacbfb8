package io.jenkins.plugins.gitops.engine.health;

import static io.jenkins.plugins.gitops.engine.health.StatusFields.number;

import java.util.Map;

/** DaemonSet: every scheduled node runs an updated, available pod. */
final class DaemonSetHealth {
    private DaemonSetHealth() {
    }

    static Health of(Map<String, Object> d) {
        if (StatusFields.specNotObserved(d)) {
            return Health.progressing("Waiting for daemon set spec update to be observed");
        }
        if ("OnDelete".equals(StatusFields.string(d, "spec", "updateStrategy", "type"))) {
            return Health.healthy("daemon set uses the OnDelete update strategy");
        }
        long desired = number(d, 0, "status", "desiredNumberScheduled");
        long updated = number(d, 0, "status", "updatedNumberScheduled");
        long available = number(d, 0, "status", "numberAvailable");
        if (updated < desired) {
            return Health.progressing("Waiting for daemon set rollout to finish: " + updated + " out of " + desired
                    + " new pods have been updated");
        }
        if (available < desired) {
            return Health.progressing("Waiting for daemon set rollout to finish: " + available + " of " + desired
                    + " updated pods are available");
        }
        return Health.healthy(available + "/" + desired + " pods available");
    }
}
