package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.List;
import java.util.Map;

/**
 * Where objects refer to others by name (pods to ConfigMaps, Secrets, ServiceAccounts and claims;
 * Ingresses to Services and TLS Secrets; bindings to roles; autoscalers to workloads), so a rename by
 * kustomize (prefix, suffix, content hash) keeps the references pointing at the renamed object.
 */
final class NameReferences {
    private NameReferences() {
    }

    static void update(List<WorkingObject> objects, String kind, String oldName, String newName) {
        Renamer r = new Renamer(oldName, newName);
        for (WorkingObject referrer : objects) {
            Map<String, Object> m = referrer.manifest();
            for (Map<String, Object> pod : PodTemplates.podSpecs(m)) {
                podReferences(pod, kind, r);
            }
            switch (String.valueOf(referrer.kind())) {
                case "Ingress" -> ingress(m, kind, r);
                case "StatefulSet" -> {
                    if ("Service".equals(kind)) {
                        r.at(Manifests.get(m, "spec"), "serviceName");
                    }
                }
                case "RoleBinding", "ClusterRoleBinding" -> {
                    if (Manifests.get(m, "roleRef") instanceof Map<?, ?> ref && kind.equals(ref.get("kind"))) {
                        r.at(ref, "name");
                    }
                    for (Map<String, Object> subject : PodTemplates.maps(m.get("subjects"))) {
                        if (kind.equals(subject.get("kind"))) {
                            r.at(subject, "name");
                        }
                    }
                }
                case "HorizontalPodAutoscaler" -> {
                    if (Manifests.get(m, "spec", "scaleTargetRef") instanceof Map<?, ?> ref
                            && kind.equals(ref.get("kind"))) {
                        r.at(ref, "name");
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void podReferences(Map<String, Object> pod, String kind, Renamer r) {
        switch (kind) {
            case "ConfigMap", "Secret" -> {
                boolean configMap = kind.equals("ConfigMap");
                for (Map<String, Object> volume : PodTemplates.maps(pod.get("volumes"))) {
                    if (configMap) {
                        r.at(volume.get("configMap"), "name");
                    } else {
                        r.at(volume.get("secret"), "secretName");
                    }
                    for (Map<String, Object> source : PodTemplates.maps(Manifests.get(volume, "projected", "sources"))) {
                        r.at(source.get(configMap ? "configMap" : "secret"), "name");
                    }
                }
                for (Map<String, Object> container : PodTemplates.containers(pod)) {
                    for (Map<String, Object> env : PodTemplates.maps(container.get("env"))) {
                        r.at(Manifests.get(env, "valueFrom", configMap ? "configMapKeyRef" : "secretKeyRef"), "name");
                    }
                    for (Map<String, Object> envFrom : PodTemplates.maps(container.get("envFrom"))) {
                        r.at(envFrom.get(configMap ? "configMapRef" : "secretRef"), "name");
                    }
                }
                if (!configMap) {
                    PodTemplates.maps(pod.get("imagePullSecrets")).forEach(s -> r.at(s, "name"));
                }
            }
            case "ServiceAccount" -> {
                r.at(pod, "serviceAccountName");
                r.at(pod, "serviceAccount");
            }
            case "PersistentVolumeClaim" -> PodTemplates.maps(pod.get("volumes"))
                    .forEach(v -> r.at(v.get("persistentVolumeClaim"), "claimName"));
            default -> {
            }
        }
    }

    private static void ingress(Map<String, Object> m, String kind, Renamer r) {
        if ("Secret".equals(kind)) {
            PodTemplates.maps(Manifests.get(m, "spec", "tls")).forEach(t -> r.at(t, "secretName"));
        }
        if ("Service".equals(kind)) {
            r.at(Manifests.get(m, "spec", "defaultBackend", "service"), "name");
            for (Map<String, Object> rule : PodTemplates.maps(Manifests.get(m, "spec", "rules"))) {
                for (Map<String, Object> path : PodTemplates.maps(Manifests.get(rule, "http", "paths"))) {
                    r.at(Manifests.get(path, "backend", "service"), "name");
                    r.at(path.get("backend"), "serviceName");
                }
            }
        }
    }

    /** Replaces {@code oldName} by {@code newName} in one field of a mapping, if it holds exactly the old name. */
    private record Renamer(String oldName, String newName) {
        @SuppressWarnings("unchecked")
        void at(Object holder, String field) {
            if (holder instanceof Map<?, ?> map && oldName.equals(map.get(field))) {
                ((Map<String, Object>) map).put(field, newName);
            }
        }
    }
}
