package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The last steps of {@code kustomize build} (kustomize's IgnoreLocal and RemoveBuildAnnotations): objects
 * annotated {@code config.kubernetes.io/local-config} (other than {@code "false"}) are dropped; annotations are
 * written back as kustomize writes them after removing its build annotations: as strings, and none at all
 * when kustomize had added build annotations to an object that has no annotations of its own. Base64 values
 * (Secret {@code data}, ConfigMap {@code binaryData}) lose kustomize's line breaks, as the API server stores
 * them, so that a comparison with the live object shows no change.
 */
final class KustomizeOutput {
    static final String LOCAL_CONFIG = "config.kubernetes.io/local-config";

    private KustomizeOutput() {
    }

    static List<WorkingObject> finish(List<WorkingObject> objects) {
        List<WorkingObject> out = new ArrayList<>();
        for (WorkingObject o : objects) {
            Object local = Manifests.get(o.manifest(), "metadata", "annotations", LOCAL_CONFIG);
            if (local != null && !"false".equals(String.valueOf(local))) {
                continue;
            }
            if (o.manifest().get("metadata") instanceof Map<?, ?> metadata) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) metadata;
                boolean ownAnnotations = m.get("annotations") instanceof Map<?, ?> a && !a.isEmpty();
                if (ownAnnotations) {
                    PatchApplier.stringify(m, "annotations");
                } else if (o.buildAnnotated()) {
                    m.remove("annotations");
                }
            }
            String field = "Secret".equals(o.kind()) ? "data" : "ConfigMap".equals(o.kind()) ? "binaryData" : null;
            if (field != null && o.manifest().get(field) instanceof Map<?, ?> values) {
                @SuppressWarnings("unchecked")
                Map<String, Object> v = (Map<String, Object>) values;
                v.replaceAll((k, value) -> value instanceof String s && s.indexOf('\n') >= 0 ? s.replace("\n", "") : value);
            }
            out.add(o);
        }
        return out;
    }
}
