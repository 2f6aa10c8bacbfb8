package io.jenkins.plugins.gitops.engine.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where workloads keep their pod template, so transformers can reach containers, volumes and labels. */
final class PodTemplates {
    static final List<String> WORKLOADS = List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "ReplicationController", "Job");

    private PodTemplates() {
    }

    /** Path to the pod template ({@code metadata} + {@code spec}) of a workload, or null. */
    static String[] templatePath(String kind) {
        if (WORKLOADS.contains(kind)) {
            return new String[] {"spec", "template"};
        }
        if ("CronJob".equals(kind)) {
            return new String[] {"spec", "jobTemplate", "spec", "template"};
        }
        return null;
    }

    /** The pod specs of an object (a Pod's own spec, a workload's template spec); existing maps only. */
    static List<Map<String, Object>> podSpecs(Map<String, Object> manifest) {
        List<Map<String, Object>> specs = new ArrayList<>();
        String kind = String.valueOf(manifest.get("kind"));
        if ("Pod".equals(kind)) {
            addIfMap(specs, manifest.get("spec"));
        }
        String[] path = templatePath(kind);
        if (path != null) {
            addIfMap(specs, at(manifest, path, "spec"));
        }
        return specs;
    }

    /** Containers, init containers and ephemeral containers of a pod spec. */
    static List<Map<String, Object>> containers(Map<String, Object> podSpec) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String field : List.of("containers", "initContainers", "ephemeralContainers")) {
            out.addAll(maps(podSpec.get(field)));
        }
        return out;
    }

    /** The mapping entries of a list value (anything else gives an empty list). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object list) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object item : l) {
                if (item instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    /** The mapping at {@code path} followed by {@code last}, or null if any step is missing. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> root, String[] path, String... last) {
        Object current = root;
        for (String key : concat(path, last)) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void addIfMap(List<Map<String, Object>> specs, Object value) {
        if (value instanceof Map<?, ?> m) {
            specs.add((Map<String, Object>) m);
        }
    }
}
