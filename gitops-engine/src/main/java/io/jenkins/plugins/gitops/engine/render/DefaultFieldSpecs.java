package io.jenkins.plugins.gitops.engine.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields kustomize's built-in transformers touch when no {@code configurations:} say otherwise, the same
 * lists kustomize has (api/internal/konfig/builtinpluginconsts/*.go), with its quirks kept: for example
 * ConfigMaps are found in the pod templates of Deployments, ReplicaSets, DaemonSets, StatefulSets, Jobs and
 * CronJobs but not of ReplicationControllers, while ServiceAccounts and claims are found in all but ReplicaSets.
 */
final class DefaultFieldSpecs {
    private static final String APPS = "apps";
    private static final String BATCH = "batch";
    private static final String[] AFFINITY = {
        "spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/"
                + "labelSelector/matchLabels",
        "spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/"
                + "matchLabels",
        "spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/"
                + "podAffinityTerm/labelSelector/matchLabels",
        "spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/"
                + "matchLabels",
        "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels"};

    private DefaultFieldSpecs() {
    }

    private static final TransformerConfig DEFAULT = build().sorted();

    /** kustomize's default TransformerConfig, sorted as kustomize sorts it. */
    static TransformerConfig config() {
        return DEFAULT;
    }

    private static TransformerConfig build() {
        Map<String, List<FieldSpec>> specs = new LinkedHashMap<>();
        specs.put("namePrefix", List.of(FieldSpec.of("metadata/name", false)));
        specs.put("nameSuffix", List.of(FieldSpec.of("metadata/name", false)));
        specs.put("namespace", List.of(spec("", "", "Namespace", "metadata/name", true),
                spec("apiregistration.k8s.io", "", "APIService", "spec/service/namespace", true),
                spec("apiextensions.k8s.io", "", "CustomResourceDefinition",
                        "spec/conversion/webhook/clientConfig/service/namespace", false)));
        specs.put("commonLabels", commonLabels());
        specs.put("templateLabels", metadataLabels());
        specs.put("volumeClaimTemplateLabels", volumeClaimTemplateLabels());
        specs.put("commonAnnotations", commonAnnotations());
        List<FieldSpec> images = new ArrayList<>();
        for (String prefix : new String[] {"spec/", "spec/template/spec/"}) {
            images.add(FieldSpec.of(prefix + "containers[]/image", true));
            images.add(FieldSpec.of(prefix + "initContainers[]/image", true));
            images.add(FieldSpec.of(prefix + "volumes[]/image/reference", true));
        }
        specs.put("images", images);
        List<FieldSpec> replicas = new ArrayList<>();
        for (String kind : new String[] {"Deployment", "ReplicationController", "ReplicaSet", "StatefulSet"}) {
            replicas.add(spec("", "", kind, "spec/replicas", true));
        }
        specs.put("replicas", replicas);
        specs.put("varReference", VarReferences.DEFAULTS);
        return new TransformerConfig(specs, DefaultNameReferences.all());
    }

    private static List<FieldSpec> commonLabels() {
        List<FieldSpec> s = new ArrayList<>();
        s.add(spec("", "v1", "Service", "spec/selector", true));
        s.add(spec("", "v1", "ReplicationController", "spec/selector", true));
        s.add(spec("", "", "Deployment", "spec/selector/matchLabels", true));
        for (String path : AFFINITY) {
            s.add(spec(APPS, "", "Deployment", path, false));
        }
        s.add(spec("", "", "ReplicaSet", "spec/selector/matchLabels", true));
        s.add(spec("", "", "DaemonSet", "spec/selector/matchLabels", true));
        s.add(spec(APPS, "", "StatefulSet", "spec/selector/matchLabels", true));
        for (String path : AFFINITY) {
            s.add(spec(APPS, "", "StatefulSet", path, false));
        }
        s.add(spec(BATCH, "", "Job", "spec/selector/matchLabels", false));
        s.add(spec(BATCH, "", "CronJob", "spec/jobTemplate/spec/selector/matchLabels", false));
        s.add(spec("policy", "", "PodDisruptionBudget", "spec/selector/matchLabels", false));
        s.add(spec("networking.k8s.io", "", "NetworkPolicy", "spec/podSelector/matchLabels", false));
        s.add(spec("networking.k8s.io", "", "NetworkPolicy", "spec/ingress/from/podSelector/matchLabels", false));
        s.add(spec("networking.k8s.io", "", "NetworkPolicy", "spec/egress/to/podSelector/matchLabels", false));
        s.addAll(metadataLabels());
        s.addAll(volumeClaimTemplateLabels());
        return s;
    }

    /** Labels of the object and of the pod (and job) templates it holds: kustomize's templateLabels. */
    private static List<FieldSpec> metadataLabels() {
        return templateMetadata("labels");
    }

    private static List<FieldSpec> volumeClaimTemplateLabels() {
        return List.of(spec(APPS, "", "StatefulSet", "spec/volumeClaimTemplates[]/metadata/labels", true));
    }

    private static List<FieldSpec> commonAnnotations() {
        return templateMetadata("annotations");
    }

    private static List<FieldSpec> templateMetadata(String field) {
        boolean labels = field.equals("labels");
        List<FieldSpec> s = new ArrayList<>();
        s.add(FieldSpec.of("metadata/" + field, true));
        s.add(spec("", "v1", "ReplicationController", "spec/template/metadata/" + field, true));
        s.add(spec("", "", "Deployment", "spec/template/metadata/" + field, true));
        s.add(spec("", "", "ReplicaSet", "spec/template/metadata/" + field, true));
        s.add(spec("", "", "DaemonSet", "spec/template/metadata/" + field, true));
        s.add(spec(labels ? APPS : "", "", "StatefulSet", "spec/template/metadata/" + field, true));
        s.add(spec(BATCH, "", "Job", "spec/template/metadata/" + field, true));
        s.add(spec(BATCH, "", "CronJob", "spec/jobTemplate/metadata/" + field, true));
        s.add(spec(BATCH, "", "CronJob", "spec/jobTemplate/spec/template/metadata/" + field, true));
        return s;
    }

    static FieldSpec spec(String group, String version, String kind, String path, boolean create) {
        return new FieldSpec(group, version, kind, path, create);
    }
}
