package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.render.Kustomization.LabelRule;
import java.util.List;
import java.util.Map;

/**
 * Kustomize common labels and annotations. Labels also go, like kustomize's {@code commonLabels}, into
 * pod templates and workload/Service selectors, so that the selectors still select the pods.
 */
final class MetadataTransformer {
    private static final List<String> SELECTOR_KINDS = List.of("Deployment", "StatefulSet", "DaemonSet",
            "ReplicaSet");

    private MetadataTransformer() {
    }

    static void addLabels(WorkingObject object, LabelRule rule) {
        if (rule.pairs().isEmpty()) {
            return;
        }
        Map<String, Object> m = object.manifest();
        String kind = object.kind();
        Manifests.ensureMap(m, "metadata", "labels").putAll(rule.pairs());
        if (rule.includeTemplates()) {
            String[] template = PodTemplates.templatePath(kind);
            if (template != null) {
                Manifests.ensureMap(m, append(template, "metadata", "labels")).putAll(rule.pairs());
            }
            if ("CronJob".equals(kind)) {
                Manifests.ensureMap(m, "spec", "jobTemplate", "metadata", "labels").putAll(rule.pairs());
            }
            if ("StatefulSet".equals(kind)) {
                for (Map<String, Object> claim : PodTemplates.maps(Manifests.get(m, "spec", "volumeClaimTemplates"))) {
                    Manifests.ensureMap(claim, "metadata", "labels").putAll(rule.pairs());
                }
            }
        }
        if (rule.includeSelectors()) {
            if (SELECTOR_KINDS.contains(kind)) {
                Manifests.ensureMap(m, "spec", "selector", "matchLabels").putAll(rule.pairs());
            } else if ("Service".equals(kind) || "ReplicationController".equals(kind)) {
                Manifests.ensureMap(m, "spec", "selector").putAll(rule.pairs());
            } else if (("Job".equals(kind) || "PodDisruptionBudget".equals(kind))
                    && Manifests.get(m, "spec", "selector", "matchLabels") instanceof Map) {
                Manifests.ensureMap(m, "spec", "selector", "matchLabels").putAll(rule.pairs());
            } else if ("NetworkPolicy".equals(kind) && Manifests.get(m, "spec", "podSelector") instanceof Map) {
                Manifests.ensureMap(m, "spec", "podSelector", "matchLabels").putAll(rule.pairs());
            }
        }
    }

    static void addAnnotations(WorkingObject object, Map<String, String> annotations) {
        if (annotations.isEmpty()) {
            return;
        }
        Map<String, Object> m = object.manifest();
        Manifests.ensureMap(m, "metadata", "annotations").putAll(annotations);
        String[] template = PodTemplates.templatePath(object.kind());
        if (template != null) {
            Manifests.ensureMap(m, append(template, "metadata", "annotations")).putAll(annotations);
        }
    }

    private static String[] append(String[] path, String... more) {
        String[] out = new String[path.length + more.length];
        System.arraycopy(path, 0, out, 0, path.length);
        System.arraycopy(more, 0, out, path.length, more.length);
        return out;
    }
}
