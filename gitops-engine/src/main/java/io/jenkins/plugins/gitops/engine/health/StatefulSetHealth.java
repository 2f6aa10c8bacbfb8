package io.jenkins.plugins.gitops.engine.health;

import static io.jenkins.plugins.gitops.engine.health.StatusFields.number;

import java.util.Map;

/** StatefulSet: every replica ready and, for rolling updates, every pod at the update revision. */
final class StatefulSetHealth {
    private StatefulSetHealth() {
    }

    static Health of(Map<String, Object> s) {
        if (StatusFields.specNotObserved(s)) {
            return Health.progressing("Waiting for statefulset spec update to be observed");
        }
        long desired = number(s, 1, "spec", "replicas");
        long ready = number(s, 0, "status", "readyReplicas");
        if (ready < desired) {
            return Health.progressing("Waiting for " + (desired - ready) + " pods to be ready");
        }
        String strategy = StatusFields.string(s, "spec", "updateStrategy", "type");
        if ("OnDelete".equals(strategy)) {
            return Health.healthy("statefulset has " + ready + " ready pods");
        }
        long partition = number(s, 0, "spec", "updateStrategy", "rollingUpdate", "partition");
        long updated = number(s, 0, "status", "updatedReplicas");
        if (partition > 0) {
            long expected = desired - partition;
            if (updated < expected) {
                return Health.progressing("Waiting for partitioned roll out to finish: " + updated + " out of "
                        + expected + " new pods have been updated");
            }
            return Health.healthy("partitioned roll out complete: " + updated + " new pods have been updated");
        }
        String current = StatusFields.string(s, "status", "currentRevision");
        String update = StatusFields.string(s, "status", "updateRevision");
        if (!update.isEmpty() && !update.equals(current)) {
            return Health.progressing("waiting for statefulset rolling update to complete " + updated
                    + " pods at revision " + update);
        }
        return Health.healthy("statefulset rolling update complete " + ready + " pods at revision " + current);
    }
}
