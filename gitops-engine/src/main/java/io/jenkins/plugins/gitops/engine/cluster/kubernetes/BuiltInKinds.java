package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds every Kubernetes API server serves. Used in two places only: as the scope fallback when
 * discovery cannot be reached, and as the discovery documents the in-process API of {@code gitops-testkit} serves
 * (fabric8's mock server answers no discovery for built-in groups).
 */
public final class BuiltInKinds {
    public static final List<ApiKind> ALL = List.of(
            k("", "v1", "Namespace", "namespaces", false),
            k("", "v1", "Node", "nodes", false),
            k("", "v1", "PersistentVolume", "persistentvolumes", false),
            k("", "v1", "Pod", "pods", true),
            k("", "v1", "Service", "services", true),
            k("", "v1", "ConfigMap", "configmaps", true),
            k("", "v1", "Secret", "secrets", true),
            k("", "v1", "ServiceAccount", "serviceaccounts", true),
            k("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true),
            k("", "v1", "Endpoints", "endpoints", true),
            k("", "v1", "Event", "events", true),
            k("", "v1", "LimitRange", "limitranges", true),
            k("", "v1", "ResourceQuota", "resourcequotas", true),
            k("", "v1", "ReplicationController", "replicationcontrollers", true),
            k("apps", "v1", "Deployment", "deployments", true),
            k("apps", "v1", "StatefulSet", "statefulsets", true),
            k("apps", "v1", "DaemonSet", "daemonsets", true),
            k("apps", "v1", "ReplicaSet", "replicasets", true),
            k("apps", "v1", "ControllerRevision", "controllerrevisions", true),
            k("batch", "v1", "Job", "jobs", true),
            k("batch", "v1", "CronJob", "cronjobs", true),
            k("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true),
            k("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true),
            k("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true),
            k("networking.k8s.io", "v1", "Ingress", "ingresses", true),
            k("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true),
            k("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false),
            k("rbac.authorization.k8s.io", "v1", "Role", "roles", true),
            k("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true),
            k("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false),
            k("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false),
            k("storage.k8s.io", "v1", "StorageClass", "storageclasses", false),
            k("storage.k8s.io", "v1", "CSIDriver", "csidrivers", false),
            k("storage.k8s.io", "v1", "VolumeAttachment", "volumeattachments", false),
            k("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false),
            k("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false),
            k("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration",
                    "validatingwebhookconfigurations", false),
            k("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration",
                    "mutatingwebhookconfigurations", false),
            k("coordination.k8s.io", "v1", "Lease", "leases", true),
            k("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true),
            k("node.k8s.io", "v1", "RuntimeClass", "runtimeclasses", false),
            k("certificates.k8s.io", "v1", "CertificateSigningRequest", "certificatesigningrequests", false),
            k("apiregistration.k8s.io", "v1", "APIService", "apiservices", false));

    /**
     * Cluster-scoped kinds of widely used add-ons (group/kind). Only consulted, like the table above,
     * when discovery is unreachable, so a namespace is never stamped onto them.
     */
    private static final Set<String> WELL_KNOWN_CLUSTER_SCOPED = Set.of("kyverno.io/ClusterPolicy",
            "kyverno.io/ClusterCleanupPolicy", "cert-manager.io/ClusterIssuer", "external-secrets.io/ClusterSecretStore",
            "external-secrets.io/ClusterExternalSecret", "gateway.networking.k8s.io/GatewayClass");

    private BuiltInKinds() {
    }

    private static ApiKind k(String group, String version, String kind, String plural, boolean namespaced) {
        return new ApiKind(group, version, kind, plural, namespaced);
    }

    static Optional<ApiKind> find(String group, String kind) {
        return ALL.stream().filter(k -> k.group().equals(group) && k.kind().equals(kind)).findFirst();
    }

    /** Scope from the table: empty when the kind is neither built in nor a well-known add-on kind. */
    static Optional<Boolean> namespaced(String group, String kind) {
        if (WELL_KNOWN_CLUSTER_SCOPED.contains(group + "/" + kind)) {
            return Optional.of(false);
        }
        return find(group, kind).map(ApiKind::namespaced);
    }
}
