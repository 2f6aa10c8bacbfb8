package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a YAML file into objects: every document must be a mapping with apiVersion, kind and
 * metadata.name; a {@code kind: List} document is expanded into its items. Problems are collected
 * (one line each, naming file and document) so that a whole folder is reported at once.
 */
final class ManifestDocuments {
    private ManifestDocuments() {
    }

    /** The objects of one repository file; problems are added to {@code problems}. */
    static List<Map<String, Object>> read(SourceTree tree, String file, List<String> problems) {
        try {
            return objects(SafeYaml.loadAll(tree.read(file), file), file, problems);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return List.of();
        }
    }

    /** The objects of already parsed documents of {@code file}. */
    static List<Map<String, Object>> objects(List<Object> documents, String file, List<String> problems) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String where = file + " (document " + (i + 1) + ")";
            Map<String, Object> object = checked(documents.get(i), where, problems);
            if (object == null) {
                continue;
            }
            if ("List".equals(object.get("kind")) && object.get("items") instanceof List<?> items) {
                for (int j = 0; j < items.size(); j++) {
                    Map<String, Object> item = checked(items.get(j), where.replace(")", ", item " + (j + 1) + ")"),
                            problems);
                    if (item != null) {
                        objects.add(item);
                    }
                }
            } else {
                objects.add(object);
            }
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> checked(Object document, String where, List<String> problems) {
        if (!(document instanceof Map<?, ?> map)) {
            problems.add(where + ": expected an object (a mapping with apiVersion, kind and metadata), found "
                    + describe(document) + "; each YAML document must be one Kubernetes object");
            return null;
        }
        Map<String, Object> object = (Map<String, Object>) map;
        if ("List".equals(object.get("kind")) && object.get("items") instanceof List) {
            return object;
        }
        List<String> missing = new ArrayList<>();
        if (blank(object.get("apiVersion"))) {
            missing.add("apiVersion");
        }
        if (blank(object.get("kind"))) {
            missing.add("kind");
        }
        Object metadata = object.get("metadata");
        if (metadata != null && !(metadata instanceof Map)) {
            problems.add(where + ": metadata is " + describe(metadata) + ", not a mapping; write metadata: {name: ...}");
            return null;
        }
        if (metadata == null || blank(((Map<?, ?>) metadata).get("name"))) {
            String generated = GenerateNames.check(object, where);
            if (generated == null) {
                missing.add("metadata.name");
            } else if (!generated.isEmpty()) {
                problems.add(generated);
                return null;
            }
        }
        if (!missing.isEmpty()) {
            problems.add(where + ": object has no " + String.join(" and ", missing)
                    + "; every object needs apiVersion, kind and metadata.name");
            return null;
        }
        return object;
    }

    private static boolean blank(Object value) {
        return value == null || value instanceof Map || value instanceof List || String.valueOf(value).isBlank();
    }

    static String describe(Object value) {
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        return value == null ? "nothing" : "a scalar value";
    }
}
