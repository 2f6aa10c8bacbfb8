package io.jenkins.plugins.gitops.engine.health;

import static io.jenkins.plugins.gitops.engine.health.StatusFields.number;
import static io.jenkins.plugins.gitops.engine.health.StatusFields.present;

import java.util.Map;

/** Deployment: rolled out when the controller observed the spec and every updated replica is available. */
final class DeploymentHealth {
    private DeploymentHealth() {
    }

    static Health of(Map<String, Object> d) {
        if (Boolean.TRUE.equals(io.jenkins.plugins.gitops.engine.model.Manifests.get(d, "spec", "paused"))) {
            return Health.progressing("Deployment is paused");
        }
        if (StatusFields.specNotObserved(d)) {
            return Health.progressing("Waiting for rollout to finish: observed deployment generation less than desired generation");
        }
        var progressing = StatusFields.condition(d, "Progressing");
        if (progressing.isPresent() && "ProgressDeadlineExceeded".equals(StatusFields.text(progressing.get(), "reason"))) {
            String message = StatusFields.text(progressing.get(), "message");
            return Health.degraded(message.isEmpty() ? "Deployment exceeded its progress deadline" : message);
        }
        long updated = number(d, 0, "status", "updatedReplicas");
        long replicas = number(d, 0, "status", "replicas");
        long available = number(d, 0, "status", "availableReplicas");
        if (present(d, "spec", "replicas") && updated < number(d, 1, "spec", "replicas")) {
            return Health.progressing("Waiting for rollout to finish: " + updated + " out of "
                    + number(d, 1, "spec", "replicas") + " new replicas have been updated");
        }
        if (replicas > updated) {
            return Health.progressing("Waiting for rollout to finish: " + (replicas - updated)
                    + " old replicas are pending termination");
        }
        if (available < updated) {
            return Health.progressing("Waiting for rollout to finish: " + available + " of " + updated
                    + " updated replicas are available");
        }
        return Health.healthy(available + "/" + number(d, 1, "spec", "replicas") + " replicas available");
    }
}
