package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.util.Map;

/**
 * Apply order of kinds: what others depend on first (namespaces, CRDs, RBAC, configuration), then
 * services, workloads, autoscaling/disruption budgets, ingress. Custom resources and unknown kinds sit
 * in the middle, after their CRDs and configuration. Deletes run in reverse.
 */
final class KindOrder {
    static final int CUSTOM = 4;

    private static final Map<String, Integer> RANKS = Map.ofEntries(
            Map.entry("/Namespace", 0),
            Map.entry("apiextensions.k8s.io/CustomResourceDefinition", 1),
            Map.entry("/ServiceAccount", 2),
            Map.entry("rbac.authorization.k8s.io/Role", 2),
            Map.entry("rbac.authorization.k8s.io/ClusterRole", 2),
            Map.entry("rbac.authorization.k8s.io/RoleBinding", 2),
            Map.entry("rbac.authorization.k8s.io/ClusterRoleBinding", 2),
            Map.entry("/ConfigMap", 3),
            Map.entry("/Secret", 3),
            Map.entry("/PersistentVolumeClaim", 3),
            Map.entry("/PersistentVolume", 3),
            Map.entry("storage.k8s.io/StorageClass", 3),
            Map.entry("/Service", 5),
            Map.entry("apps/Deployment", 6),
            Map.entry("apps/StatefulSet", 6),
            Map.entry("apps/DaemonSet", 6),
            Map.entry("apps/ReplicaSet", 6),
            Map.entry("/Pod", 6),
            Map.entry("batch/Job", 6),
            Map.entry("batch/CronJob", 6),
            Map.entry("autoscaling/HorizontalPodAutoscaler", 7),
            Map.entry("policy/PodDisruptionBudget", 7),
            Map.entry("networking.k8s.io/Ingress", 8));

    private KindOrder() {
    }

    static int rank(ResourceKey key) {
        return RANKS.getOrDefault(key.group() + "/" + key.kind(), CUSTOM);
    }
}
