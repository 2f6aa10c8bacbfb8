package io.jenkins.plugins.gitops.engine.render;

import java.util.Set;

/** Kinds that live outside namespaces: they get no namespace from kustomize or from the environment. */
public final class ClusterScoped {
    private static final Set<String> KINDS = Set.of("Namespace", "Node", "PersistentVolume", "StorageClass",
            "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PriorityClass", "IngressClass",
            "RuntimeClass", "CSIDriver", "CSINode", "VolumeAttachment", "APIService", "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration", "PodSecurityPolicy", "ClusterIssuer", "ClusterSecretStore",
            "ComponentStatus", "CertificateSigningRequest", "FlowSchema", "PriorityLevelConfiguration");

    private ClusterScoped() {
    }

    public static boolean isClusterScoped(String kind) {
        return KINDS.contains(kind);
    }
}
