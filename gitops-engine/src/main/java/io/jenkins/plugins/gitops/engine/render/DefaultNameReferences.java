package io.jenkins.plugins.gitops.engine.render;

import static io.jenkins.plugins.gitops.engine.render.DefaultFieldSpecs.spec;

import io.jenkins.plugins.gitops.engine.render.TransformerConfig.NameBackReference;
import java.util.ArrayList;
import java.util.List;

/**
 * kustomize's default name-reference configuration (api/internal/konfig/builtinpluginconsts/namereference.go):
 * which kinds hold names of which others, with kustomize's gaps kept (for example no ConfigMaps in
 * ReplicationControllers, and an IngressClass entry whose group never matches).
 */
final class DefaultNameReferences {
    private static final String APPS = "apps";
    private static final String RBAC = "rbac.authorization.k8s.io";
    private static final String ADMISSION = "admissionregistration.k8s.io";

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

    private DefaultNameReferences() {
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
