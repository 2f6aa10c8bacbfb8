package io.jenkins.plugins.gitops.engine.health;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.Map;

/**
 * Health of one live Kubernetes object, dispatched by kind to one small check per kind (modelled on
 * Argo CD's gitops-engine {@code pkg/health}). Kinds without a check (ConfigMap, Secret, RBAC, CRDs,
 * custom resources) are healthy once they exist.
 */
public final class HealthChecks {
    private HealthChecks() {
    }

    public static Health of(Map<String, Object> liveManifest) {
        if (liveManifest == null) {
            return Health.MISSING;
        }
        if (Manifests.get(liveManifest, "metadata", "deletionTimestamp") != null) {
            return Health.progressing("being deleted");
        }
        String group = groupOf(Manifests.string(liveManifest, "apiVersion"));
        String kind = String.valueOf(liveManifest.get("kind"));
        return switch (group + "/" + kind) {
            case "apps/Deployment" -> DeploymentHealth.of(liveManifest);
            case "apps/StatefulSet" -> StatefulSetHealth.of(liveManifest);
            case "apps/DaemonSet" -> DaemonSetHealth.of(liveManifest);
            case "apps/ReplicaSet" -> ReplicaSetHealth.of(liveManifest);
            case "batch/Job" -> JobHealth.of(liveManifest);
            case "/Pod" -> PodHealth.of(liveManifest);
            case "/PersistentVolumeClaim" -> PvcHealth.of(liveManifest);
            case "/Service" -> ServiceHealth.of(liveManifest);
            case "networking.k8s.io/Ingress", "extensions/Ingress" -> IngressHealth.of(liveManifest);
            default -> Health.HEALTHY;
        };
    }

    private static String groupOf(String apiVersion) {
        if (apiVersion == null) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
