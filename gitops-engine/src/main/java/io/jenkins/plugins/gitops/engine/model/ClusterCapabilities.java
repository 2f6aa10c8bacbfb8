package io.jenkins.plugins.gitops.engine.model;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the cluster an environment deploys to serves, as renderers need it: Helm's
 * {@code .Capabilities.KubeVersion} and {@code .Capabilities.APIVersions.Has}, and whether a kind is
 * namespaced (kustomize's namespace transformer and name references skip cluster-scoped objects).
 * Comes from the target's API discovery ({@code /version}, {@code /api}, {@code /apis}); without a cluster
 * (a folder rendered offline) {@link #offline()} answers from the built-in Kubernetes kinds only.
 *
 * @param kubeVersion   server version as {@code /version} gives it ({@code v1.31.2}); null when unknown
 * @param apiVersions   served group versions ({@code v1}, {@code apps/v1}) and {@code group/version/Kind}
 *                      entries, the two forms Helm's {@code APIVersions.Has} accepts; empty when unknown
 * @param namespaced    {@code group/Kind} (core group: {@code /Kind}) to whether that kind is namespaced,
 *                      as discovery's {@code APIResource.namespaced} says; kinds absent here are unknown
 * @param complete      true when {@code apiVersions} is all the cluster serves (discovery); false when it only
 *                      adds to Helm's built-in list, as {@code helm template --api-versions} does
 */
public record ClusterCapabilities(String kubeVersion, Set<String> apiVersions, Map<String, Boolean> namespaced,
        boolean complete) {
    public ClusterCapabilities {
        apiVersions = Set.copyOf(apiVersions);
        namespaced = Map.copyOf(namespaced);
    }

    /** What discovery reported: the API versions are complete. */
    public ClusterCapabilities(String kubeVersion, Set<String> apiVersions, Map<String, Boolean> namespaced) {
        this(kubeVersion, apiVersions, namespaced, true);
    }

    /**
     * Given by hand for an offline render ({@code helm template --kube-version --api-versions}): a version (null:
     * Helm's default) and API versions that add to Helm's built-in list.
     */
    public static ClusterCapabilities given(String kubeVersion, Set<String> extraApiVersions) {
        return new ClusterCapabilities(kubeVersion, extraApiVersions, Map.of(), false);
    }

    /** No cluster known: no version, no API list; scope of built-in kinds only. */
    public static ClusterCapabilities offline() {
        return new ClusterCapabilities(null, Set.of(), Map.of());
    }

    /**
     * Whether objects of {@code kind} in API group {@code group} ({@code ""} for the core group) are
     * namespaced: discovery's answer when the cluster serves the kind, else empty (the caller falls back to
     * CRDs of the same render and then to its built-in list).
     */
    public Optional<Boolean> isNamespaced(String group, String kind) {
        return Optional.ofNullable(namespaced.get((group == null ? "" : group) + "/" + kind));
    }
}
