package io.jenkins.plugins.gitops.engine.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep copies and comparisons of YAML values (nested maps, lists and scalars). */
final class Values {
    private Values() {
    }

    /** A mutable deep copy; with {@code dropDirectives}, without {@code $patch}-style keys and null entries. */
    static Object copy(Object value, boolean dropDirectives) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (!dropDirectives || !(key.startsWith("$") || v == null)) {
                    out.put(key, copy(v, dropDirectives));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(copy(v, dropDirectives)));
            return out;
        }
        return value;
    }

    static Object copy(Object value) {
        return copy(value, false);
    }

    /** A mutable deep copy of a list. */
    @SuppressWarnings("unchecked")
    static List<Object> copyList(List<?> list) {
        return (List<Object>) copy(list, false);
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

    /** Equality as JSON sees it: 1 equals 1.0 and a Long equals an Integer of the same value. */
    static boolean jsonEquals(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.size() == y.size() && x.entrySet().stream()
                    .allMatch(e -> y.containsKey(e.getKey()) && jsonEquals(e.getValue(), y.get(e.getKey())));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!jsonEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a == null ? b == null : a.equals(b);
    }
}
