package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.render.TransformerConfig.NameBackReference;
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
    private static final String RBAC = "rbac.authorization.k8s.io";
    private static final String ADMISSION = "admissionregistration.k8s.io";
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
        return new TransformerConfig(specs, NameReferenceDefaults.all());
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

    /** The name-reference part, kept apart for size: which kinds hold names of which others. */
    static final class NameReferenceDefaults {
        private static final String[] CONFIG_MAP_IN_POD = {"volumes/configMap/name",
            "containers/env/valueFrom/configMapKeyRef/name", "initContainers/env/valueFrom/configMapKeyRef/name",
            "containers/envFrom/configMapRef/name", "initContainers/envFrom/configMapRef/name",
            "volumes/projected/sources/configMap/name"};
        private static final String[] SECRET_IN_POD = {"volumes/secret/secretName",
            "containers/env/valueFrom/secretKeyRef/name", "initContainers/env/valueFrom/secretKeyRef/name",
            "containers/envFrom/secretRef/name", "initContainers/envFrom/secretRef/name", "imagePullSecrets/name",
            "volumes/projected/sources/secret/name"};
        private static final String TEMPLATE = "spec/template/spec/";
        private static final String CRON = "spec/jobTemplate/spec/template/spec/";

        private NameReferenceDefaults() {
        }

        static List<NameBackReference> all() {
            List<NameBackReference> refs = new ArrayList<>();
            for (String kind : new String[] {"Deployment", "ReplicationController", "ReplicaSet", "StatefulSet"}) {
                refs.add(ref("", "", kind, spec("", "", "HorizontalPodAutoscaler", "spec/scaleTargetRef/name", false)));
            }
            refs.add(new NameBackReference("", "v1", "ConfigMap", configMapReferrers()));
            refs.add(new NameBackReference("", "v1", "Secret", secretReferrers()));
            refs.add(ref("", "v1", "Service", spec(APPS, "", "StatefulSet", "spec/serviceName", false),
                    spec("", "", "Ingress", "spec/rules/http/paths/backend/serviceName", false),
                    spec("", "", "Ingress", "spec/backend/serviceName", false),
                    spec("", "", "Ingress", "spec/rules/http/paths/backend/service/name", false),
                    spec("", "", "Ingress", "spec/defaultBackend/service/name", false),
                    spec("apiregistration.k8s.io", "", "APIService", "spec/service/name", false),
                    spec(ADMISSION, "", "ValidatingWebhookConfiguration", "webhooks/clientConfig/service", false),
                    spec(ADMISSION, "", "MutatingWebhookConfiguration", "webhooks/clientConfig/service", false)));
            refs.add(ref(RBAC, "", "Role", spec(RBAC, "", "RoleBinding", "roleRef/name", false)));
            refs.add(ref(RBAC, "", "ClusterRole", spec(RBAC, "", "RoleBinding", "roleRef/name", false),
                    spec(RBAC, "", "ClusterRoleBinding", "roleRef/name", false)));
            List<FieldSpec> accounts = new ArrayList<>(List.of(spec(RBAC, "", "RoleBinding", "subjects", false),
                    spec(RBAC, "", "ClusterRoleBinding", "subjects", false)));
            accounts.addAll(podField("serviceAccountName", "StatefulSet", "Deployment", "ReplicationController",
                    "Job", "DaemonSet"));
            refs.add(new NameBackReference("", "v1", "ServiceAccount", accounts));
            refs.add(new NameBackReference("", "v1", "PersistentVolumeClaim", podField(
                    "volumes/persistentVolumeClaim/claimName", "StatefulSet", "Deployment", "ReplicationController",
                    "Job", "DaemonSet")));
            refs.add(ref("", "v1", "PersistentVolume", spec("", "", "PersistentVolumeClaim", "spec/volumeName", false),
                    spec("", "", "ClusterRole", "rules/resourceNames", false)));
            refs.add(ref("storage.k8s.io", "v1", "StorageClass",
                    spec("", "", "PersistentVolume", "spec/storageClassName", false),
                    spec("", "", "PersistentVolumeClaim", "spec/storageClassName", false),
                    spec("", "", "StatefulSet", "spec/volumeClaimTemplates/spec/storageClassName", false)));
            refs.add(new NameBackReference("scheduling.k8s.io", "v1", "PriorityClass", podField("priorityClassName",
                    "StatefulSet", "Deployment", "ReplicationController", "Job", "DaemonSet")));
            // kustomize gives "networking.k8s.io/v1" as the group, so this never matches an IngressClass.
            refs.add(ref("networking.k8s.io/v1", "v1", "IngressClass",
                    spec("", "", "Ingress", "spec/ingressClassName", false)));
            refs.add(ref(ADMISSION, "", "ValidatingAdmissionPolicy",
                    spec(ADMISSION, "", "ValidatingAdmissionPolicyBinding", "spec/policyName", false)));
            return refs;
        }

        private static List<FieldSpec> configMapReferrers() {
            List<FieldSpec> s = new ArrayList<>(inPods(CONFIG_MAP_IN_POD));
            s.add(spec("", "", "Node", "spec/configSource/configMap", false));
            s.add(spec("", "", "Role", "rules/resourceNames", false));
            s.add(spec("", "", "ClusterRole", "rules/resourceNames", false));
            s.add(spec("", "", "Ingress", "metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap",
                    false));
            return s;
        }

        private static List<FieldSpec> secretReferrers() {
            List<FieldSpec> s = new ArrayList<>(inPods(SECRET_IN_POD));
            s.add(spec("", "", "Ingress", "spec/tls/secretName", false));
            for (String a : new String[] {"ingress.kubernetes.io\\/auth-secret", "nginx.ingress.kubernetes.io\\/auth-secret",
                "nginx.ingress.kubernetes.io\\/auth-tls-secret"}) {
                s.add(spec("", "", "Ingress", "metadata/annotations/" + a, false));
            }
            s.add(spec("", "", "ServiceAccount", "imagePullSecrets/name", false));
            for (String p : new String[] {"secretName", "adminSecretName", "userSecretName", "secretRef"}) {
                s.add(spec("", "", "StorageClass", "parameters/" + p, false));
            }
            s.add(spec("", "", "Role", "rules/resourceNames", false));
            s.add(spec("", "", "ClusterRole", "rules/resourceNames", false));
            s.add(spec("serving.knative.dev", "v1", "Service",
                    "spec/template/spec/containers/env/valueFrom/secretKeyRef/name", false));
            s.add(spec("", "", "PersistentVolume", "spec/azureFile/secretName", false));
            return s;
        }

        /** Paths in the pod spec of Pods (v1), PodTemplates and the workloads that hold ConfigMaps and Secrets. */
        private static List<FieldSpec> inPods(String[] paths) {
            List<FieldSpec> s = new ArrayList<>();
            for (String p : paths) {
                s.add(spec("", "v1", "Pod", "spec/" + p, false));
            }
            for (String p : paths) {
                s.add(spec("", "", "PodTemplate", "template/spec/" + p, false));
            }
            for (String kind : new String[] {"Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job"}) {
                for (String p : paths) {
                    s.add(spec("", "", kind, TEMPLATE + p, false));
                }
            }
            for (String p : paths) {
                s.add(spec("", "", "CronJob", CRON + p, false));
            }
            return s;
        }

        /** A pod spec field in Pods, the given workloads and CronJobs. */
        private static List<FieldSpec> podField(String path, String... workloads) {
            List<FieldSpec> s = new ArrayList<>();
            s.add(spec("", "", "Pod", "spec/" + path, false));
            for (String kind : workloads) {
                s.add(spec("", "", kind, TEMPLATE + path, false));
            }
            s.add(spec("", "", "CronJob", CRON + path, false));
            return s;
        }

        private static NameBackReference ref(String group, String version, String kind, FieldSpec... referrers) {
            return new NameBackReference(group, version, kind, List.of(referrers));
        }
    }
}
