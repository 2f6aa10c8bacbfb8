package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.render.Kustomization.LabelRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kustomize {@code labels}, {@code commonLabels} and {@code commonAnnotations} (LabelTransformer and
 * AnnotationsTransformer with the field specs kustomize's configurator gives them,
 * api/internal/target/kusttarget_configplugin.go): each pair goes into every field the specs name,
 * creating the mapping where the spec says {@code create}; values are strings.
 */
final class MetadataTransformer {
    private MetadataTransformer() {
    }

    /**
     * The field specs of one {@code labels} entry: its own {@code fields}, the configuration's {@code labels},
     * then with {@code includeSelectors} all of {@code commonLabels}, else the templates and volume claim
     * templates when asked, and the object's own labels.
     */
    static List<FieldSpec> labelSpecs(LabelRule rule, TransformerConfig config, String where) {
        List<FieldSpec> specs = TransformerConfig.mergeAll(rule.fields(), config.get("labels"), where);
        if (rule.includeSelectors()) {
            return TransformerConfig.mergeAll(specs, config.get("commonLabels"), where);
        }
        if (rule.includeTemplates()) {
            specs = TransformerConfig.mergeAll(specs, config.get("templateLabels"), where);
        }
        if (rule.includeVolumeClaimTemplates()) {
            specs = TransformerConfig.mergeAll(specs, config.get("volumeClaimTemplateLabels"), where);
        }
        return TransformerConfig.mergeAll(specs, List.of(FieldSpec.of("metadata/labels", true)), where);
    }

    /** Sets {@code pairs} in the {@code specs} fields of every object (nothing when there are no pairs). */
    static void apply(List<WorkingObject> objects, Map<String, String> pairs, List<FieldSpec> specs) {
        if (pairs.isEmpty()) {
            return;
        }
        Map<String, String> sorted = new TreeMap<>(pairs);
        for (WorkingObject object : objects) {
            for (Map.Entry<String, String> pair : sorted.entrySet()) {
                for (FieldSpec spec : new ArrayList<>(specs)) {
                    spec.visit(object, FieldSpec.Create.MAP, slot -> {
                        if (slot.get() instanceof Map<?, ?> map) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> m = (Map<String, Object>) map;
                            m.put(pair.getKey(), pair.getValue());
                        } else if (slot.get() != null) {
                            throw new InvalidInputException("considering field '" + spec.path() + "' of object "
                                    + ResId.of(object) + ": wrong node kind: expected MappingNode");
                        }
                    });
                }
            }
        }
    }
}
