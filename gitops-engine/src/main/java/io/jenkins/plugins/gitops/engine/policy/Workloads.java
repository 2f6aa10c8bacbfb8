package io.jenkins.plugins.gitops.engine.policy;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the containers of a desired object are: the pod template of Kubernetes workloads
 * (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob's job template, Pod) and the task
 * template of Swarm services. Shared by policies and by the release (image references) of history.
 */
public final class Workloads {
    /** Group of Swarm objects rendered from compose files. */
    public static final String SWARM_GROUP = "swarm";

    private static final Set<String> TEMPLATE_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");
    private static final Set<String> KUBERNETES_GROUPS = Set.of("", "apps", "batch", "extensions");

    private Workloads() {
    }

    /** A container of a pod template; {@code spec} is its manifest (name, image, securityContext, resources). */
    public record Container(String name, boolean init, Map<String, Object> spec) {
        /** How messages call it: "container" or "init container". */
        public String word() {
            return init ? "init container" : "container";
        }
    }

    public static boolean isSwarmService(Resource resource) {
        return SWARM_GROUP.equals(resource.key().group()) && "Service".equals(resource.kind());
    }

    /** The pod spec of a Kubernetes workload, or null when the object has none. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> podSpec(Resource resource) {
        if (!KUBERNETES_GROUPS.contains(resource.key().group())) {
            return null;
        }
        Map<String, Object> m = resource.manifest();
        Object spec;
        if (resource.kind().equals("Pod")) {
            spec = Manifests.get(m, "spec");
        } else if (resource.kind().equals("CronJob")) {
            spec = Manifests.get(m, "spec", "jobTemplate", "spec", "template", "spec");
        } else if (TEMPLATE_KINDS.contains(resource.kind())) {
            spec = Manifests.get(m, "spec", "template", "spec");
        } else {
            return null;
        }
        return spec instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** Init containers, then containers, of a Kubernetes workload; empty for anything else. */
    public static List<Container> containers(Resource resource) {
        Map<String, Object> podSpec = podSpec(resource);
        if (podSpec == null) {
            return List.of();
        }
        List<Container> out = new ArrayList<>();
        addContainers(out, podSpec.get("initContainers"), true);
        addContainers(out, podSpec.get("containers"), false);
        return out;
    }

    /** The pod-level securityContext of a Kubernetes workload, or an empty map. */
    public static Map<String, Object> podSecurityContext(Resource resource) {
        return map(podSpec(resource) == null ? null : podSpec(resource).get("securityContext"));
    }

    /** {@code Spec.TaskTemplate} of a Swarm service (or an empty map). */
    public static Map<String, Object> swarmTaskTemplate(Resource resource) {
        Object spec = resource.manifest().containsKey("Spec") ? resource.manifest().get("Spec") : resource.manifest();
        return map(spec instanceof Map<?, ?> ? Manifests.get(map(spec), "TaskTemplate") : null);
    }

    /** {@code Spec.TaskTemplate.ContainerSpec} of a Swarm service (or an empty map). */
    public static Map<String, Object> swarmContainerSpec(Resource resource) {
        return map(swarmTaskTemplate(resource).get("ContainerSpec"));
    }

    /** A map value, or an empty map when absent or not a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static void addContainers(List<Container> out, Object list, boolean init) {
        if (!(list instanceof List<?> items)) {
            return;
        }
        int index = 0;
        for (Object item : items) {
            Map<String, Object> spec = map(item);
            Object name = spec.get("name");
            out.add(new Container(name == null ? "#" + index : String.valueOf(name), init, spec));
            index++;
        }
    }
}
