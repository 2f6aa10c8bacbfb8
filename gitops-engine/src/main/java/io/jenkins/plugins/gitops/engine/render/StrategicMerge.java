package io.jenkins.plugins.gitops.engine.render;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes strategic merge patch, for the fields people patch: mappings merge recursively, a null
 * value deletes a key, lists of objects with a known merge key (containers, env, volumes, ports, ...)
 * merge element by element, other lists are replaced. Directives: {@code $patch: delete} (object,
 * mapping or list element), {@code $patch: replace} and {@code $deleteFromPrimitiveList/<field>}.
 */
final class StrategicMerge {
    private StrategicMerge() {
    }

    /** The patched copy of {@code original}, or null when the patch deletes the whole object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> apply(Map<String, Object> original, Map<String, Object> patch) {
        if ("delete".equals(patch.get("$patch"))) {
            return null;
        }
        return mergeMap((Map<String, Object>) Values.copy(original), patch);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mergeMap(Map<String, Object> target, Map<String, Object> patch) {
        if ("replace".equals(patch.get("$patch"))) {
            return (Map<String, Object>) Values.copy(patch, true);
        }
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (key.startsWith("$deleteFromPrimitiveList/")) {
                String field = key.substring(key.indexOf('/') + 1);
                if (target.get(field) instanceof List<?> list && value instanceof List<?> remove) {
                    list.removeIf(item -> remove.stream().anyMatch(r -> Values.jsonEquals(r, item)));
                }
            } else if (key.startsWith("$")) {
                continue;
            } else if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> pm) {
                if ("delete".equals(pm.get("$patch"))) {
                    target.remove(key);
                } else if (target.get(key) instanceof Map<?, ?> existing) {
                    target.put(key, mergeMap((Map<String, Object>) existing, (Map<String, Object>) pm));
                } else {
                    target.put(key, Values.copy(pm, true));
                }
            } else if (value instanceof List<?> pl && target.get(key) instanceof List<?> existing) {
                target.put(key, mergeList(key, (List<Object>) existing, pl));
            } else {
                target.put(key, Values.copy(value, true));
            }
        }
        return target;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> mergeList(String field, List<Object> existing, List<?> patch) {
        for (Object item : patch) {
            if (item instanceof Map<?, ?> m && "replace".equals(m.get("$patch"))) {
                List<Object> replaced = new ArrayList<>();
                patch.stream().filter(i -> i != item).forEach(i -> replaced.add(Values.copy(i, true)));
                return replaced;
            }
        }
        String mergeKey = mergeKey(field, patch);
        if (mergeKey == null) {
            return (List<Object>) Values.copy(patch, true);
        }
        List<Object> result = new ArrayList<>(existing);
        for (Object item : patch) {
            if (!(item instanceof Map<?, ?> pm) || pm.get(mergeKey) == null) {
                result.add(Values.copy(item, true));
                continue;
            }
            Object keyValue = pm.get(mergeKey);
            boolean delete = "delete".equals(pm.get("$patch"));
            boolean merged = false;
            for (Iterator<Object> it = result.iterator(); it.hasNext();) {
                Object current = it.next();
                if (current instanceof Map<?, ?> cm && Values.jsonEquals(cm.get(mergeKey), keyValue)) {
                    if (delete) {
                        it.remove();
                    } else {
                        mergeMap((Map<String, Object>) cm, (Map<String, Object>) pm);
                    }
                    merged = true;
                }
            }
            if (!merged && !delete) {
                result.add(Values.copy(item, true));
            }
        }
        return result;
    }

    /** The merge key Kubernetes uses for a list field, or null when the list is replaced as a whole. */
    private static String mergeKey(String field, List<?> patch) {
        switch (field) {
            case "containers", "initContainers", "ephemeralContainers", "env", "volumes", "imagePullSecrets",
                    "volumeDevices", "resourceClaims" -> {
                return "name";
            }
            case "volumeMounts" -> {
                return "mountPath";
            }
            case "hostAliases" -> {
                return "ip";
            }
            case "topologySpreadConstraints" -> {
                return "topologyKey";
            }
            case "ports" -> {
                boolean containerPorts = patch.stream().anyMatch(i -> i instanceof Map<?, ?> m
                        && m.containsKey("containerPort"));
                return containerPorts ? "containerPort" : "port";
            }
            default -> {
                return null;
            }
        }
    }
}
