package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reading of configuration files (kustomization.yaml, helm.yaml) with errors naming file and key. */
final class YamlFields {
    private final Map<String, Object> map;
    private final String where;

    /** {@code where} names the file (and entry) in messages, e.g. {@code environments/dev/kustomization.yaml}. */
    YamlFields(Map<String, Object> map, String where) {
        this.map = map;
        this.where = where;
    }

    @SuppressWarnings("unchecked")
    static YamlFields of(Object value, String where) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new InvalidInputException(where + ": expected a mapping, found " + ManifestDocuments.describe(value));
        }
        return new YamlFields((Map<String, Object>) m, where);
    }

    Map<String, Object> raw() {
        return map;
    }

    String where() {
        return where;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    String string(String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw wrong(key, "a string", value);
        }
        return String.valueOf(value);
    }

    String requiredString(String key) {
        String value = string(key);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(where + ": '" + key + "' is required");
        }
        return value;
    }

    boolean bool(String key, boolean fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw wrong(key, "true or false", value);
        }
        return b;
    }

    List<String> strings(String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw wrong(key, "a list of strings", value);
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (item == null || item instanceof Map || item instanceof List) {
                throw wrong(key, "a list of strings", value);
            }
            out.add(String.valueOf(item));
        }
        return out;
    }

    Map<String, String> stringMap(String key) {
        Object value = map.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw wrong(key, "a mapping of strings", value);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                throw wrong(key + "." + e.getKey(), "a string", e.getValue());
            }
            out.put(String.valueOf(e.getKey()), e.getValue() == null ? "" : String.valueOf(e.getValue()));
        }
        return out;
    }

    /** Entries of a list of mappings, each as YamlFields named {@code key[i]}. */
    List<YamlFields> list(String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw wrong(key, "a list", value);
        }
        List<YamlFields> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(of(list.get(i), where + ": " + key + "[" + i + "]"));
        }
        return out;
    }

    YamlFields object(String key) {
        Object value = map.get(key);
        return value == null ? null : of(value, where + ": " + key);
    }

    /** Refuses keys outside {@code known}, naming the key and the file. */
    void onlyKeys(List<String> known) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw new InvalidInputException(where + ": unknown key '" + key + "'" + suggestion(key, known)
                        + "; known keys are " + String.join(", ", known));
            }
        }
    }

    static String suggestion(String key, List<String> known) {
        return known.stream().filter(k -> k.equalsIgnoreCase(key)).findFirst().map(k -> " (did you mean '" + k + "'?)")
                .orElse("");
    }

    private InvalidInputException wrong(String key, String expected, Object value) {
        return new InvalidInputException(where + ": '" + key + "' must be " + expected + ", found "
                + ManifestDocuments.describe(value));
    }
}
