package io.jenkins.plugins.gitops.engine.health;

import java.util.Map;

/** PersistentVolumeClaim: Bound is healthy, Pending waits, Lost is degraded. */
final class PvcHealth {
    private PvcHealth() {
    }

    static Health of(Map<String, Object> pvc) {
        String phase = StatusFields.string(pvc, "status", "phase");
        return switch (phase) {
            case "Bound" -> Health.healthy("claim is bound");
            case "Lost" -> Health.degraded("claim lost its volume");
            case "Pending", "" -> Health.progressing("claim is pending");
            default -> Health.unknown("claim phase " + phase);
        };
    }
}
