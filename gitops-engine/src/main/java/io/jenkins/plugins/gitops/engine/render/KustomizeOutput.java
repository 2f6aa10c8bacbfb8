package io.jenkins.plugins.gitops.engine.render;

import java.util.List;
import java.util.Map;

/**
 * How kustomize writes objects out after removing its build, origin and transformer annotations
 * (RemoveBuildAnnotations, RemoveOriginAnnotations, which rewrite every object's annotations): annotation
 * values as strings, and no {@code annotations} at all when none are left. Base64 values (Secret
 * {@code data}, ConfigMap {@code binaryData}) lose kustomize's line breaks, as the API server stores them, so
 * that a comparison with the live object shows no change.
 */
final class KustomizeOutput {
    private KustomizeOutput() {
    }

    static void finish(List<WorkingObject> objects) {
        for (WorkingObject o : objects) {
            if (o.manifest().get("metadata") instanceof Map<?, ?> metadata) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) metadata;
                if (m.containsKey("annotations") && !(m.get("annotations") instanceof Map<?, ?> a && !a.isEmpty())) {
                    m.remove("annotations");
                }
                PatchApplier.stringify(m, "annotations");
            }
            String field = "Secret".equals(o.kind()) ? "data" : "ConfigMap".equals(o.kind()) ? "binaryData" : null;
            if (field != null && o.manifest().get(field) instanceof Map<?, ?> values) {
                @SuppressWarnings("unchecked")
                Map<String, Object> v = (Map<String, Object>) values;
                v.replaceAll((k, value) -> value instanceof String s && s.indexOf('\n') >= 0 ? s.replace("\n", "") : value);
            }
        }
    }
}
