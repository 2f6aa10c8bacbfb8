package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kustomize {@code namespace}, {@code namePrefix} and {@code nameSuffix} (NamespaceTransformer,
 * PrefixTransformer, SuffixTransformer and their filters in api/filters). Each records the id an object had
 * before; references to renamed objects are fixed at the end of the build by {@link NameReferences}.
 */
final class NameTransformer {
    /** Kinds whose names the prefix and suffix transformers leave alone (kustomize's prefixFieldSpecsToSkip). */
    private static final List<String[]> KEEP_NAME = List.of(new String[] {"", "CustomResourceDefinition"},
            new String[] {"apiregistration.k8s.io", "APIService"}, new String[] {"", "Namespace"});

    private NameTransformer() {
    }

    /**
     * Puts every namespaced object into {@code namespace}, sets it in the fields of {@code specs} (a v1
     * Namespace object is renamed to it, APIService and CRD webhook services move with it) and on binding
     * subjects named {@code default}, as kustomize's default {@code setRoleBindingSubjects: defaultOnly}.
     */
    static void namespace(List<WorkingObject> objects, String namespace, List<FieldSpec> specs, String where) {
        namespace(objects, namespace, specs, where, false, "defaultOnly");
    }

    /**
     * The NamespaceTransformer with its options: {@code unsetOnly} leaves fields that have a value;
     * {@code subjects} says which binding subjects get the namespace ({@code defaultOnly}: those named
     * {@code default}, {@code allServiceAccounts}: every ServiceAccount subject, {@code none}).
     */
    static void namespace(List<WorkingObject> objects, String namespace, List<FieldSpec> specs, String where,
            boolean unsetOnly, String subjects) {
        for (WorkingObject object : objects) {
            object.rememberId();
            Map<String, Object> m = object.manifest();
            if (!object.isClusterScoped()) {
                set(Manifests.ensureMap(m, "metadata"), "namespace", namespace, unsetOnly);
            }
            boolean binding = "RoleBinding".equals(object.kind()) || "ClusterRoleBinding".equals(object.kind());
            if (binding && !"none".equals(subjects)) {
                for (Map<String, Object> subject : Values.maps(m.get("subjects"))) {
                    boolean wanted = "allServiceAccounts".equals(subjects) ? "ServiceAccount".equals(subject.get("kind"))
                            : "default".equals(subject.get("name"));
                    if (wanted) {
                        set(subject, "namespace", namespace, unsetOnly);
                    }
                }
            }
            for (FieldSpec spec : specs) {
                if (spec.path().equals("metadata/namespace")
                        || spec.path().equals("metadata/name") && !"v1".equals(object.apiVersion())
                        || binding && spec.path().equals("subjects/namespace")) {
                    continue;
                }
                spec.visit(object, FieldSpec.Create.SCALAR, slot -> {
                    Object current = slot.get();
                    if (!unsetOnly || current == null || String.valueOf(current).isEmpty()) {
                        slot.set(namespace);
                    }
                });
            }
        }
        requireUniqueIds(objects, namespace, where);
    }

    /** kustomize refuses a namespace that gives two objects the same id ("namespace transformation produces ID conflict"). */
    private static void requireUniqueIds(List<WorkingObject> objects, String namespace, String where) {
        Map<String, Integer> seen = new HashMap<>();
        for (WorkingObject object : objects) {
            if (seen.merge(ResId.of(object).key(), 1, Integer::sum) > 1) {
                throw new InvalidInputException(where + ": namespace '" + namespace + "' makes two objects "
                        + object.kind() + " '" + object.name() + "' (namespace transformation produces ID conflict);"
                        + " rename one of them");
            }
        }
    }

    private static void set(Map<String, Object> holder, String field, String value, boolean unsetOnly) {
        Object current = holder.get(field);
        if (!unsetOnly || current == null || String.valueOf(current).isEmpty()) {
            holder.put(field, value);
        }
    }

    /** Adds {@code prefix} to the fields of {@code specs} (the name), remembering the prefix and the old id. */
    static void prefix(List<WorkingObject> objects, String prefix, List<FieldSpec> specs) {
        affix(objects, prefix, specs, true);
    }

    static void suffix(List<WorkingObject> objects, String suffix, List<FieldSpec> specs) {
        affix(objects, suffix, specs, false);
    }

    private static void affix(List<WorkingObject> objects, String affix, List<FieldSpec> specs, boolean prefix) {
        if (affix == null || affix.isEmpty()) {
            return;
        }
        for (WorkingObject object : objects) {
            ResId id = object.originalId();
            if (KEEP_NAME.stream().anyMatch(k -> NameReferences.selects(k[0], "", k[1], id))) {
                continue;
            }
            for (FieldSpec spec : specs) {
                if (!NameReferences.selects(spec.group(), spec.version(), spec.kind(), id)) {
                    continue;
                }
                if (spec.path().equals("metadata/name")) {
                    if (prefix) {
                        object.addPrefix(affix);
                    } else {
                        object.addSuffix(affix);
                    }
                    object.rememberId();
                }
                spec.visit(object, FieldSpec.Create.SCALAR,
                        slot -> slot.set(prefix ? affix + str(slot.get()) : str(slot.get()) + affix));
            }
        }
    }

    private static String str(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
