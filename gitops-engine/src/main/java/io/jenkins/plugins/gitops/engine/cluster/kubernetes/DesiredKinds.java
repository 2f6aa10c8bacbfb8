package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kinds defined by CustomResourceDefinitions in a desired state: they may be applied in the same
 * sync that creates their CRD, before discovery serves them.
 */
public final class DesiredKinds {
    static final String CRD_GROUP = "apiextensions.k8s.io";
    static final String CRD_KIND = "CustomResourceDefinition";

    private final List<ApiKind> kinds;

    private DesiredKinds(List<ApiKind> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    static DesiredKinds none() {
        return new DesiredKinds(List.of());
    }

    static DesiredKinds of(List<Resource> resources) {
        List<ApiKind> kinds = new ArrayList<>();
        for (Resource r : resources) {
            if (isCrd(r)) {
                kinds.addAll(fromCrd(r.manifest()));
            }
        }
        return new DesiredKinds(kinds);
    }

    static boolean isCrd(Resource r) {
        return CRD_GROUP.equals(r.key().group()) && CRD_KIND.equals(r.kind());
    }

    Optional<ApiKind> find(String apiVersion, String kind) {
        return kinds.stream().filter(k -> k.apiVersion().equals(apiVersion) && k.kind().equals(kind)).findFirst();
    }

    Optional<ApiKind> findAnyVersion(String group, String kind) {
        return kinds.stream().filter(k -> k.group().equals(group) && k.kind().equals(kind)).findFirst();
    }

    /** One ApiKind per served version of a CRD ({@code spec.versions[].name}, or v1beta1's {@code spec.version}). */
    public static List<ApiKind> fromCrd(Map<String, Object> crd) {
        String group = Manifests.string(crd, "spec", "group");
        String kind = Manifests.string(crd, "spec", "names", "kind");
        if (group == null || kind == null) {
            return List.of();
        }
        String plural = Manifests.string(crd, "spec", "names", "plural");
        if (plural == null) {
            plural = io.fabric8.kubernetes.api.Pluralize.toPlural(kind.toLowerCase(java.util.Locale.ROOT));
        }
        boolean namespaced = !"Cluster".equals(Manifests.string(crd, "spec", "scope"));
        List<ApiKind> out = new ArrayList<>();
        Object versions = Manifests.get(crd, "spec", "versions");
        if (versions instanceof List<?> list) {
            for (Object v : list) {
                if (v instanceof Map<?, ?> map && map.get("name") != null && !Boolean.FALSE.equals(map.get("served"))) {
                    out.add(new ApiKind(group, String.valueOf(map.get("name")), kind, plural, namespaced));
                }
            }
        }
        String single = Manifests.string(crd, "spec", "version");
        if (single != null && out.stream().noneMatch(k -> k.version().equals(single))) {
            out.add(new ApiKind(group, single, kind, plural, namespaced));
        }
        return out;
    }
}
