package io.jenkins.plugins.gitops.engine.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which lists a strategic merge patch merges element by element, and by which keys: the fields Kubernetes
 * marks {@code patchStrategy: merge} ({@code x-kubernetes-patch-strategy}) with their
 * {@code x-kubernetes-list-map-keys} or {@code patchMergeKey}, for the API versions kustomize has built-in
 * OpenAPI data for (Kubernetes v1.21, kyaml/openapi). Kustomize knows nothing about other kinds (custom
 * resources, API versions added later), so their lists are replaced by the patch's, as here.
 */
final class MergeSchema {
    /** The type of a field's value: {@code type} of its mapping or list elements; {@code keys} of a merged list. */
    record Field(String type, List<String> keys, boolean merged) {
    }

    private static final String META = "ObjectMeta";
    private static final String TEMPLATE = "PodTemplateSpec";
    private static final Map<String, Map<String, Field>> TYPES = new HashMap<>();
    private static final Map<String, String> ROOTS = new HashMap<>();

    static {
        type("ObjectMeta", "finalizers", merged(null), "ownerReferences", merged(null, "uid"));
        type("PodTemplateSpec", "metadata", of(META), "spec", of("PodSpec"));
        type("PodSpec", "containers", merged("Container", "name"), "initContainers", merged("Container", "name"),
                "ephemeralContainers", merged("EphemeralContainer", "name"), "volumes", merged("Volume", "name"),
                "imagePullSecrets", merged(null, "name"), "hostAliases", merged(null, "ip"),
                "topologySpreadConstraints", merged(null, "topologyKey", "whenUnsatisfiable"));
        type("Container", "env", merged(null, "name"), "ports", merged(null, "containerPort", "protocol"),
                "volumeMounts", merged(null, "mountPath"), "volumeDevices", merged(null, "devicePath"));
        type("EphemeralContainer", "env", merged(null, "name"), "volumeMounts", merged(null, "mountPath"),
                "volumeDevices", merged(null, "devicePath"));
        type("Volume", "ephemeral", of("EphemeralVolumeSource"));
        type("EphemeralVolumeSource", "volumeClaimTemplate", of("Metadata"));
        type("Metadata", "metadata", of(META));
        type("TemplateHolder", "metadata", of(META), "template", of(TEMPLATE));
        type("Workload", "metadata", of(META), "spec", of("TemplateHolder"), "status", of("Conditions"));
        type("JobTemplateSpec", "metadata", of(META), "spec", of("TemplateHolder"));
        type("CronJob", "metadata", of(META), "spec", of("CronJobSpec"));
        type("CronJobSpec", "jobTemplate", of("JobTemplateSpec"));
        type("Pod", "metadata", of(META), "spec", of("PodSpec"), "status", of("PodStatus"));
        type("PodStatus", "conditions", merged(null, "type"), "podIPs", merged(null, "ip"));
        type("PodTemplate", "metadata", of(META), "template", of(TEMPLATE));
        type("Service", "metadata", of(META), "spec", of("ServiceSpec"), "status", of("ConditionList"));
        type("ServiceSpec", "ports", merged(null, "port", "protocol"));
        type("ServiceAccount", "metadata", of(META), "secrets", merged(null, "name"));
        type("WebhookConfiguration", "metadata", of(META), "webhooks", merged(null, "name"));
        type("Node", "metadata", of(META), "spec", of("NodeSpec"), "status", of("NodeStatus"));
        type("NodeSpec", "podCIDRs", merged(null));
        type("NodeStatus", "addresses", merged(null, "type"), "conditions", merged(null, "type"));
        type("CSINode", "metadata", of(META), "spec", of("CSINodeSpec"));
        type("CSINodeSpec", "drivers", merged(null, "name"));
        type("WithStatus", "metadata", of(META), "status", of("Conditions"));
        type("WithConditionList", "metadata", of(META), "status", of("ConditionList"));
        type("Conditions", "conditions", merged(null, "type"));
        type("ConditionList", "conditions", merged(null, "type"));
        type("ComponentStatus", "metadata", of(META), "conditions", merged(null, "type"));
        for (String kind : List.of("Deployment", "DaemonSet", "ReplicaSet", "StatefulSet")) {
            ROOTS.put("apps/v1/" + kind, "Workload");
        }
        ROOTS.put("batch/v1/Job", "Workload");
        ROOTS.put("v1/ReplicationController", "Workload");
        ROOTS.put("batch/v1/CronJob", "CronJob");
        ROOTS.put("batch/v1beta1/CronJob", "CronJob");
        for (String kind : List.of("Pod", "PodTemplate", "Service", "ServiceAccount", "Node", "ComponentStatus")) {
            ROOTS.put("v1/" + kind, kind);
        }
        ROOTS.put("v1/Namespace", "WithStatus");
        ROOTS.put("v1/PersistentVolumeClaim", "WithStatus");
        for (String version : List.of("v1", "v1beta1")) {
            ROOTS.put("admissionregistration.k8s.io/" + version + "/MutatingWebhookConfiguration", "WebhookConfiguration");
            ROOTS.put("admissionregistration.k8s.io/" + version + "/ValidatingWebhookConfiguration",
                    "WebhookConfiguration");
            ROOTS.put("storage.k8s.io/" + version + "/CSINode", "CSINode");
            ROOTS.put("policy/" + version + "/PodDisruptionBudget", "WithConditionList");
            ROOTS.put("apiregistration.k8s.io/" + version + "/APIService", "WithConditionList");
        }
    }

    /** API groups whose kinds kustomize has OpenAPI data for: their metadata merges as ObjectMeta. */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "admissionregistration.k8s.io", "apps",
            "authentication.k8s.io", "authorization.k8s.io", "autoscaling", "batch", "certificates.k8s.io",
            "coordination.k8s.io", "discovery.k8s.io", "events.k8s.io", "extensions", "flowcontrol.apiserver.k8s.io",
            "networking.k8s.io", "node.k8s.io", "policy", "rbac.authorization.k8s.io", "scheduling.k8s.io",
            "storage.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io");

    private MergeSchema() {
    }

    /** The type of an object's root, or null when kustomize has no schema for it. */
    static String root(String apiVersion, String kind) {
        String custom = OpenApiSchema.root(apiVersion, kind);
        if (custom != null) {
            return custom;
        }
        String root = ROOTS.get(apiVersion + "/" + kind);
        if (root != null) {
            return root;
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return !apiVersion.isEmpty() && BUILT_IN_GROUPS.contains(group) ? "Metadata" : null;
    }

    /** The field {@code name} of a mapping of {@code type}, or null when it is plain (maps merge, lists replace). */
    static Field field(String type, String name) {
        if (type == null) {
            return null;
        }
        if (OpenApiSchema.owns(type)) {
            return OpenApiSchema.field(type, name);
        }
        Map<String, Field> fields = TYPES.get(type);
        return fields == null ? null : fields.get(name);
    }

    private static void type(String name, Object... fieldsAndTypes) {
        Map<String, Field> fields = new HashMap<>();
        for (int i = 0; i < fieldsAndTypes.length; i += 2) {
            fields.put((String) fieldsAndTypes[i], (Field) fieldsAndTypes[i + 1]);
        }
        TYPES.put(name, fields);
    }

    private static Field of(String type) {
        return new Field(type, List.of(), false);
    }

    private static Field merged(String elementType, String... keys) {
        return new Field(elementType, List.of(keys), true);
    }
}
