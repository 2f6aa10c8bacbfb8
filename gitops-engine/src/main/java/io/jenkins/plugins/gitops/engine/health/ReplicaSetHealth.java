package io.jenkins.plugins.gitops.engine.health;

import static io.jenkins.plugins.gitops.engine.health.StatusFields.number;

import java.util.Map;

/** ReplicaSet: observed and every replica available; a ReplicaFailure condition degrades it. */
final class ReplicaSetHealth {
    private ReplicaSetHealth() {
    }

    static Health of(Map<String, Object> r) {
        if (StatusFields.specNotObserved(r)) {
            return Health.progressing("Waiting for rollout to finish: observed replica set generation less than desired generation");
        }
        var failure = StatusFields.condition(r, "ReplicaFailure");
        if (failure.isPresent() && "True".equals(StatusFields.text(failure.get(), "status"))) {
            return Health.degraded(StatusFields.text(failure.get(), "message"));
        }
        long desired = number(r, 1, "spec", "replicas");
        long available = number(r, 0, "status", "availableReplicas");
        if (available < desired) {
            return Health.progressing("Waiting for rollout to finish: " + available + " out of " + desired
                    + " replicas are available");
        }
        return Health.healthy(available + "/" + desired + " replicas available");
    }
}
