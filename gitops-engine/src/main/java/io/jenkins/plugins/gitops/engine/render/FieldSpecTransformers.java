package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.render.Kustomization.Replica;
import java.util.List;
import java.util.Map;

/**
 * The field-spec driven built-in transformers as a {@code transformers:} configuration runs them, with
 * exactly the field specs it gives (kustomize adds no defaults there): the same transformers a
 * kustomization's own keys run ({@link MetadataTransformer}, {@link NameTransformer}, {@link ImageRewriter},
 * {@link ReplicaCount}), only configured differently.
 */
final class FieldSpecTransformers {
    private FieldSpecTransformers() {
    }

    /** Sets each pair (sorted by key) in the mapping at every spec, creating it where the spec says. */
    static void entries(List<WorkingObject> objects, Map<String, String> pairs, List<FieldSpec> specs) {
        MetadataTransformer.apply(objects, pairs, specs);
    }

    /** Adds {@code prefix} and {@code suffix} to the fields of the specs (kustomize's Prefix/SuffixTransformer). */
    static void prefixSuffix(List<WorkingObject> objects, String prefix, String suffix, List<FieldSpec> specs) {
        NameTransformer.prefix(objects, prefix, specs);
        NameTransformer.suffix(objects, suffix, specs);
    }

    /**
     * Puts namespaced objects into {@code namespace} (only those without one with {@code unsetOnly}) and
     * sets it in the other fields of the specs; binding subjects per {@code subjects} (defaultOnly: those
     * named default, allServiceAccounts: every ServiceAccount subject, none).
     */
    static void namespace(List<WorkingObject> objects, String namespace, List<FieldSpec> specs, boolean unsetOnly,
            String subjects) {
        if (!namespace.isEmpty()) {
            NameTransformer.namespace(objects, namespace, specs, "NamespaceTransformer", unsetOnly, subjects);
        }
    }

    /** Rewrites images in every container list and in the fields of the specs (CRDs excepted). */
    static void images(List<WorkingObject> objects, ImageRewriter.Rule rule, List<FieldSpec> specs) {
        ImageRewriter.apply(List.of(rule), objects, specs);
    }

    /** Sets the replica count in the spec fields of the objects named {@code name} (an error if none is). */
    static void replicas(List<WorkingObject> objects, String name, long count, List<FieldSpec> specs, String where) {
        ReplicaCount.apply(objects, new Replica(name, count), specs, where);
    }
}
