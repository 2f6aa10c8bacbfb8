package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Kustomize {@code namespace}, {@code namePrefix} and {@code nameSuffix}, keeping references intact. */
final class NameTransformer {
    /** Kinds whose names kustomize leaves alone: their names carry meaning (CRDs are plural.group). */
    private static final Set<String> KEEP_NAME = Set.of("Namespace", "CustomResourceDefinition");

    private NameTransformer() {
    }

    /** Puts every namespaced object into {@code namespace}, and service-account subjects of bindings with them. */
    static void namespace(List<WorkingObject> objects, String namespace) {
        Set<String> serviceAccounts = objects.stream().filter(o -> "ServiceAccount".equals(o.kind()))
                .map(WorkingObject::name).collect(Collectors.toSet());
        for (WorkingObject object : objects) {
            object.rememberId();
            if (!ClusterScoped.isClusterScoped(object.kind())) {
                Manifests.ensureMap(object.manifest(), "metadata").put("namespace", namespace);
            }
            if ("RoleBinding".equals(object.kind()) || "ClusterRoleBinding".equals(object.kind())) {
                for (Map<String, Object> subject : PodTemplates.maps(object.manifest().get("subjects"))) {
                    if ("ServiceAccount".equals(subject.get("kind")) && serviceAccounts.contains(subject.get("name"))) {
                        subject.put("namespace", namespace);
                    }
                }
            }
        }
    }

    /** Adds prefix and suffix to every name (but Namespaces and CRDs) and updates references to it. */
    static void prefixSuffix(List<WorkingObject> objects, String prefix, String suffix) {
        String p = prefix == null ? "" : prefix;
        String s = suffix == null ? "" : suffix;
        if (p.isEmpty() && s.isEmpty()) {
            return;
        }
        for (WorkingObject object : objects) {
            if (!KEEP_NAME.contains(object.kind())) {
                rename(objects, object, p + object.name() + s);
            }
        }
    }

    /** Renames one object and every reference to it from the other objects. */
    static void rename(List<WorkingObject> objects, WorkingObject object, String newName) {
        String oldName = object.name();
        object.rememberId();
        object.rename(newName);
        NameReferences.update(objects, object.kind(), oldName, newName);
    }
}
