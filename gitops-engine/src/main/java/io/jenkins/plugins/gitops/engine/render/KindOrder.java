package io.jenkins.plugins.gitops.engine.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * kustomize's order of kinds (kyaml/resid Gvk.IsLessThan): namespaces, quotas, storage classes, CRDs, service
 * accounts, RBAC, ConfigMaps, Secrets, Services, ... first, webhook configurations last, every other kind in
 * between, ties broken by {@code group_version_kind} with empty parts sorting last.
 */
final class KindOrder {
    private static final List<String> FIRST = List.of("Namespace", "ResourceQuota", "StorageClass",
            "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding",
            "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service", "LimitRange", "PriorityClass",
            "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget");
    private static final List<String> LAST = List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");
    private static final Map<String, Integer> RANK = new HashMap<>();

    static {
        for (int i = 0; i < FIRST.size(); i++) {
            RANK.put(FIRST.get(i), -FIRST.size() + i);
        }
        for (int i = 0; i < LAST.size(); i++) {
            RANK.put(LAST.get(i), 1 + i);
        }
    }

    private KindOrder() {
    }

    static int compare(String g1, String v1, String k1, String g2, String v2, String k2) {
        int r1 = RANK.getOrDefault(k1 == null ? "" : k1, 0);
        int r2 = RANK.getOrDefault(k2 == null ? "" : k2, 0);
        if (r1 != r2) {
            return Integer.compare(r1, r2);
        }
        return key(g1, v1, k1).compareTo(key(g2, v2, k2));
    }

    private static String key(String g, String v, String k) {
        return part(g, "~G") + "_" + part(v, "~V") + "_" + part(k, "~K");
    }

    private static String part(String value, String empty) {
        return value == null || value.isEmpty() ? empty : value;
    }
}
