package io.jenkins.plugins.gitops.engine.render;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Whether a kind lives outside namespaces (it then gets no namespace from kustomize or from the
 * environment). Answered by the {@link KindScope} of the render in progress ({@link #during}): the
 * cluster's discovery, then CustomResourceDefinitions of the same render, then {@link #isBuiltIn}.
 */
public final class ClusterScoped {
    /**
     * Cluster-scoped kinds of Kubernetes itself, as {@code group/Kind} (core group: {@code /Kind}); the kinds
     * kustomize knows from its built-in OpenAPI data (kyaml/openapi, Kubernetes v1.21) plus those added since.
     */
    private static final Set<String> BUILT_IN = Set.of("/ComponentStatus", "/Namespace", "/Node", "/PersistentVolume",
            "admissionregistration.k8s.io/MutatingWebhookConfiguration",
            "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
            "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
            "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
            "admissionregistration.k8s.io/MutatingAdmissionPolicy",
            "admissionregistration.k8s.io/MutatingAdmissionPolicyBinding",
            "apiextensions.k8s.io/CustomResourceDefinition", "apiregistration.k8s.io/APIService",
            "authentication.k8s.io/TokenReview", "authentication.k8s.io/SelfSubjectReview",
            "authorization.k8s.io/SelfSubjectAccessReview", "authorization.k8s.io/SelfSubjectRulesReview",
            "authorization.k8s.io/SubjectAccessReview", "certificates.k8s.io/CertificateSigningRequest",
            "certificates.k8s.io/ClusterTrustBundle", "flowcontrol.apiserver.k8s.io/FlowSchema",
            "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration", "internal.apiserver.k8s.io/StorageVersion",
            "networking.k8s.io/IngressClass", "networking.k8s.io/IPAddress", "networking.k8s.io/ServiceCIDR",
            "node.k8s.io/RuntimeClass", "policy/PodSecurityPolicy", "rbac.authorization.k8s.io/ClusterRole",
            "rbac.authorization.k8s.io/ClusterRoleBinding", "resource.k8s.io/DeviceClass",
            "resource.k8s.io/ResourceSlice", "scheduling.k8s.io/PriorityClass", "storage.k8s.io/CSIDriver",
            "storage.k8s.io/CSINode", "storage.k8s.io/StorageClass", "storage.k8s.io/VolumeAttachment",
            "storage.k8s.io/VolumeAttributesClass", "storagemigration.k8s.io/StorageVersionMigration");
    private static final ThreadLocal<KindScope> CURRENT = new ThreadLocal<>();

    private ClusterScoped() {
    }

    /** Whether objects of {@code kind} in API group {@code group} ({@code ""}: core) are cluster-scoped. */
    static boolean isClusterScoped(String group, String kind) {
        KindScope scope = CURRENT.get();
        return scope != null ? scope.isClusterScoped(group, kind) : isBuiltIn(group, kind);
    }

    /** Kubernetes' own cluster-scoped kinds ({@link #BUILT_IN}); any other kind is namespaced. */
    public static boolean isBuiltIn(String group, String kind) {
        return BUILT_IN.contains((group == null ? "" : group) + "/" + kind);
    }

    /** Runs {@code work} with {@code scope} answering {@link #isClusterScoped} on this thread. */
    static <T> T during(KindScope scope, Supplier<T> work) {
        KindScope previous = CURRENT.get();
        CURRENT.set(scope);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The scope of the render in progress, or null outside one. */
    static KindScope current() {
        return CURRENT.get();
    }
}
