package io.jenkins.plugins.gitops.engine.health;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.Map;

/**
 * Ingress: healthy once it exists. Many ingress controllers never publish a load balancer address,
 * so a missing one is reported in the message, not as progressing.
 */
final class IngressHealth {
    private IngressHealth() {
    }

    static Health of(Map<String, Object> ingress) {
        var addresses = StatusFields.list(Manifests.get(ingress, "status", "loadBalancer", "ingress"));
        if (addresses.isEmpty()) {
            return Health.healthy("no load balancer address published");
        }
        return Health.healthy("served at " + ServiceHealth.address(addresses.get(0)));
    }
}
