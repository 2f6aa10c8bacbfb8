package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The field-spec driven built-in transformers as a {@code transformers:} configuration runs them, with
 * exactly the field specs it gives (kustomize adds no defaults there): labels and annotations
 * (api/filters/labels, annotations), name prefix and suffix (api/internal/builtins/PrefixTransformer.go),
 * namespace (api/filters/namespace), images (api/filters/imagetag) and replicas
 * (api/internal/builtins/ReplicaCountTransformer.go).
 */
final class FieldSpecTransformers {
    private FieldSpecTransformers() {
    }

    /** Sets each pair (sorted by key) in the mapping at every spec, creating it where the spec says. */
    @SuppressWarnings("unchecked")
    static void entries(List<WorkingObject> objects, Map<String, String> pairs, List<FieldSpec> specs) {
        if (pairs.isEmpty()) {
            return;
        }
        for (WorkingObject object : objects) {
            for (Map.Entry<String, String> pair : new TreeMap<>(pairs).entrySet()) {
                for (FieldSpec spec : specs) {
                    spec.visit(object, FieldSpec.Create.MAP, slot -> {
                        if (slot.get() instanceof Map<?, ?> map) {
                            ((Map<String, Object>) map).put(pair.getKey(), pair.getValue());
                        } else if (slot.get() != null) {
                            throw new InvalidInputException("considering field '" + spec.path() + "' of object "
                                    + ResId.of(object) + ": wrong node kind: expected MappingNode");
                        }
                    });
                }
            }
        }
    }

    /**
     * Adds {@code prefix} and {@code suffix} to the fields of the specs (the specs selecting by the
     * object's original id); {@code metadata/name} renames the object. CRDs, APIServices and Namespaces
     * keep their names, as in kustomize.
     */
    static void prefixSuffix(List<WorkingObject> objects, String prefix, String suffix, List<FieldSpec> specs) {
        for (WorkingObject object : objects) {
            ResId original = object.originalId();
            if (original.kind().equals("CustomResourceDefinition") || original.kind().equals("Namespace")
                    || original.kind().equals("APIService") && original.group().equals("apiregistration.k8s.io")) {
                continue;
            }
            for (FieldSpec spec : specs) {
                ResId selector = new ResId(spec.group(), spec.version(), spec.kind(), null, null);
                if (!original.gvkSelectedBy(selector)) {
                    continue;
                }
                if (spec.path().equals("metadata/name") && spec.selects(object)) {
                    NameTransformer.rename(objects, object, prefix + object.name() + suffix);
                    continue;
                }
                spec.visit(object, FieldSpec.Create.SCALAR, slot -> slot.set(prefix + Scalars.text(slot.get()) + suffix));
            }
        }
    }

    /**
     * Puts namespaced objects into {@code namespace} (only those without one with {@code unsetOnly}) and
     * sets it in the other fields of the specs; binding subjects per {@code subjects} (defaultOnly: those
     * named default, allServiceAccounts: every ServiceAccount subject, none).
     */
    static void namespace(List<WorkingObject> objects, String namespace, List<FieldSpec> specs, boolean unsetOnly,
            String subjects) {
        if (namespace.isEmpty()) {
            return;
        }
        for (WorkingObject object : objects) {
            object.rememberId();
            boolean binding = "RoleBinding".equals(object.kind()) || "ClusterRoleBinding".equals(object.kind());
            if (!ClusterScoped.isClusterScoped(object.kind())) {
                set(FieldPath.slot(Manifests.ensureMap(object.manifest(), "metadata"), "namespace"), namespace,
                        unsetOnly);
            }
            if (binding && !subjects.equals("none")) {
                for (Map<String, Object> subject : PodTemplates.maps(object.manifest().get("subjects"))) {
                    boolean wanted = subjects.equals("allServiceAccounts") ? "ServiceAccount".equals(subject.get("kind"))
                            : "default".equals(subject.get("name"));
                    if (wanted) {
                        set(FieldPath.slot(subject, "namespace"), namespace, unsetOnly);
                    }
                }
            }
            for (FieldSpec spec : specs) {
                boolean skip = spec.path().equals("metadata/namespace")
                        || spec.path().equals("metadata/name") && !"v1".equals(object.apiVersion())
                        || binding && spec.path().equals("subjects/namespace")
                        && ("RoleBinding".equals(spec.kind()) || "ClusterRoleBinding".equals(spec.kind()));
                if (!skip) {
                    spec.visit(object, FieldSpec.Create.SCALAR, slot -> set(slot, namespace, unsetOnly));
                }
            }
        }
    }

    private static void set(FieldSpec.Slot slot, String value, boolean unsetOnly) {
        Object current = slot.get();
        if (unsetOnly && current != null && !Scalars.text(current).isEmpty()) {
            return;
        }
        slot.set(value);
    }

    /** Rewrites images in every container list and in the fields of the specs (CRDs excepted). */
    static void images(List<WorkingObject> objects, ImageRewriter.Rule rule, List<FieldSpec> specs) {
        for (WorkingObject object : objects) {
            if ("CustomResourceDefinition".equals(object.kind())) {
                continue;
            }
            ImageRewriter.apply(List.of(rule), object.manifest());
            for (FieldSpec spec : specs) {
                spec.visit(object, FieldSpec.Create.NONE, slot -> {
                    if (slot.get() instanceof String image) {
                        String rewritten = rule.rewrite(image);
                        if (rewritten != null) {
                            slot.set(rewritten);
                        }
                    }
                });
            }
        }
    }

    /** Sets the replica count in the spec fields of the objects named {@code name} (an error if none is). */
    static void replicas(List<WorkingObject> objects, String name, long count, List<FieldSpec> specs, String where) {
        boolean found = false;
        for (FieldSpec spec : specs) {
            ResId selector = new ResId(spec.group(), spec.version(), spec.kind(), null, null);
            for (WorkingObject object : objects) {
                if (object.ids().stream().anyMatch(id -> id.name().equals(name) && id.gvkSelectedBy(selector))) {
                    found = true;
                    Object value = count <= Integer.MAX_VALUE ? (Object) (int) count : (Object) count;
                    spec.visit(object, FieldSpec.Create.SCALAR, slot -> slot.set(value));
                }
            }
        }
        if (!found) {
            List<String> gvks = specs.stream().map(s -> new ResId(s.group(), s.version(), s.kind(), null, null)
                    .gvkString()).toList();
            throw new InvalidInputException(where + ": resource with name " + name + " does not match a config with"
                    + " the following GVK " + gvks);
        }
    }
}
