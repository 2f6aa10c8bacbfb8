package io.jenkins.plugins.gitops.engine.health;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.Map;

/** Service: healthy once it exists, except a LoadBalancer, which waits for an ingress address. */
final class ServiceHealth {
    private ServiceHealth() {
    }

    static Health of(Map<String, Object> service) {
        if (!"LoadBalancer".equals(StatusFields.string(service, "spec", "type"))) {
            return Health.HEALTHY;
        }
        var ingress = StatusFields.list(Manifests.get(service, "status", "loadBalancer", "ingress"));
        if (ingress.isEmpty()) {
            return Health.progressing("waiting for the load balancer to get an address");
        }
        return Health.healthy("load balancer at " + address(ingress.get(0)));
    }

    static String address(Map<String, Object> ingress) {
        Object ip = ingress.get("ip");
        return ip != null ? String.valueOf(ip) : StatusFields.text(ingress, "hostname");
    }
}
