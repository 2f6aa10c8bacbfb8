package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The scope (namespaced or cluster-wide) of kinds during one render: what the cluster's discovery says
 * ({@link ClusterCapabilities#isNamespaced}), else what a CustomResourceDefinition met in the same render
 * says ({@code spec.scope}), else Kubernetes' built-in kinds ({@link ClusterScoped#isBuiltIn}); any other
 * kind is namespaced, as kustomize assumes for kinds it does not know.
 */
final class KindScope {
    private final ClusterCapabilities capabilities;
    private final Map<String, Boolean> fromDefinitions = new HashMap<>();

    KindScope(ClusterCapabilities capabilities) {
        this.capabilities = capabilities == null ? ClusterCapabilities.offline() : capabilities;
    }

    /** Learns the scope of the kind a CustomResourceDefinition defines; other objects are ignored. */
    void learn(Map<String, Object> manifest) {
        if (!"CustomResourceDefinition".equals(manifest.get("kind"))
                || !"apiextensions.k8s.io".equals(ResourceKey.groupOf(String.valueOf(manifest.get("apiVersion"))))) {
            return;
        }
        String group = Manifests.string(manifest, "spec", "group");
        String kind = Manifests.string(manifest, "spec", "names", "kind");
        String scope = Manifests.string(manifest, "spec", "scope");
        if (group != null && kind != null && scope != null) {
            fromDefinitions.put(group + "/" + kind, !"Cluster".equals(scope));
        }
    }

    boolean isClusterScoped(String group, String kind) {
        String g = group == null ? "" : group;
        Optional<Boolean> served = capabilities.isNamespaced(g, kind);
        if (served.isPresent()) {
            return !served.get();
        }
        Boolean defined = fromDefinitions.get(g + "/" + kind);
        if (defined != null) {
            return !defined;
        }
        return ClusterScoped.isBuiltIn(g, kind);
    }
}
