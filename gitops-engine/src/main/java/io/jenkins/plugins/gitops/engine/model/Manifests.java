package io.jenkins.plugins.gitops.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for manifests held as nested maps and lists (the shape YAML and JSON parsers give). */
public final class Manifests {
    private Manifests() {
    }

    /** Value at a path of map keys, or null. */
    public static Object get(Map<String, ?> root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    public static String string(Map<String, ?> root, String... path) {
        Object value = get(root, path);
        return value == null ? null : String.valueOf(value);
    }

    /** The map at a path, created (as mutable LinkedHashMaps) where missing. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> ensureMap(Map<String, Object> root, String... path) {
        Map<String, Object> current = root;
        for (String key : path) {
            Object next = current.get(key);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                current.put(key, next);
            }
            current = (Map<String, Object>) next;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> mutableCopy(Map<String, ?> map) {
        return (Map<String, Object>) copy(map, true);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> unmodifiableCopy(Map<String, ?> map) {
        return (Map<String, Object>) copy(map, false);
    }

    private static Object copy(Object value, boolean mutable) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), copy(v, mutable)));
            return mutable ? out : Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(copy(v, mutable)));
            return mutable ? out : Collections.unmodifiableList(out);
        }
        return value;
    }
}
