package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The objects of a resource file as kustomize reads them (api/resource/factory.go): empty documents skipped;
 * every object needs {@code kind} and {@code metadata.name} ({@code apiVersion} may be missing); an object whose
 * kind ends in {@code List} and that has {@code items} (PodList, ConfigMapList, List, ...) is replaced by its
 * items, which follow the file's other objects; a null element in any list is an error.
 */
final class KustomizeResources {
    private KustomizeResources() {
    }

    /** The objects of one repository file; problems are added to {@code problems}. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> read(SourceTree tree, String file, List<String> problems) {
        List<Object> documents;
        try {
            documents = SafeYaml.loadAll(tree.read(file), file);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return List.of();
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        Deque<Object[]> queue = new ArrayDeque<>();
        for (int i = 0; i < documents.size(); i++) {
            queue.add(new Object[] {documents.get(i), file + " (document " + (i + 1) + ")"});
        }
        while (!queue.isEmpty()) {
            Object[] next = queue.poll();
            String where = (String) next[1];
            if (!(next[0] instanceof Map<?, ?> map)) {
                problems.add(where + ": expected an object (a mapping with kind and metadata), found "
                        + ManifestDocuments.describe(next[0]) + "; each YAML document must be one Kubernetes object");
                continue;
            }
            Map<String, Object> object = (Map<String, Object>) map;
            Object kind = object.get("kind");
            if (kind == null || String.valueOf(kind).isBlank() || kind instanceof Map || kind instanceof List) {
                problems.add(where + ": object has no kind (missing kind in object); every object needs kind and"
                        + " metadata.name");
                continue;
            }
            boolean list = String.valueOf(kind).endsWith("List");
            if (list && object.containsKey("items")) {
                Object items = object.get("items");
                if (items instanceof List<?> l) {
                    for (int j = 0; j < l.size(); j++) {
                        queue.add(new Object[] {l.get(j), where.replace(")", ", item " + (j + 1) + ")")});
                    }
                } else if (items != null) {
                    problems.add(where + ": " + kind + " has items that are not a list (expected array in items)");
                }
                continue;
            }
            Object metadata = object.get("metadata");
            Object name = metadata instanceof Map<?, ?> m ? m.get("name") : null;
            if (!list && (name == null || String.valueOf(name).isEmpty() || name instanceof Map || name instanceof List)) {
                problems.add(where + ": " + kind + " has no metadata.name (missing metadata.name in object); every"
                        + " object needs kind and metadata.name");
                continue;
            }
            String nullAt = nullElement(object, "");
            if (nullAt != null) {
                problems.add(where + ": " + kind + " '" + name + "' has an empty list element at " + nullAt
                        + "; remove the lone '-' or give it a value");
                continue;
            }
            objects.add(object);
        }
        return objects;
    }

    /** The path of the first null element of a list anywhere in {@code value}, or null. */
    private static String nullElement(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String found = nullElement(e.getValue(), path + "/" + e.getKey());
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == null) {
                    return path + "[" + i + "]";
                }
                String found = nullElement(list.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
