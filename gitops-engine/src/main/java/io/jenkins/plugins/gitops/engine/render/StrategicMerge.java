package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Kustomize's strategic merge patch (kyaml's merge2 with new list elements first, as kustomize's
 * patchstrategicmerge filter calls it): mappings merge recursively; a null value deletes a field; lists that
 * {@link MergeSchema} marks as merged are merged element by element on their keys ({@link AssociativeList}),
 * with the patch's elements first; other lists are replaced. Directives: {@code $patch: delete|replace|merge}
 * on a mapping, a list element or a whole list ({@code - $patch: replace}). Other {@code $}-keys such as
 * {@code $setElementOrder/...} are ordinary fields to kyaml and stay in the object, as in kustomize.
 */
final class StrategicMerge {
    /** A walk result that removes the field or element. */
    static final Object CLEAR = new Object();
    private static final String DIRECTIVE = "$patch";

    private StrategicMerge() {
    }

    /** The patched copy of {@code original}, or null when the patch deletes the whole object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> apply(Map<String, Object> original, Map<String, Object> patch) {
        String type = MergeSchema.root(string(original.get("apiVersion")), string(original.get("kind")));
        Object result = mergeMap((Map<String, Object>) Values.copy(original), (Map<String, Object>) Values.copy(patch),
                type, "");
        return result == CLEAR ? null : (Map<String, Object>) result;
    }

    /** kyaml's Walker over one field: {@code patchHas} tells an absent patch field from an explicit null. */
    @SuppressWarnings("unchecked")
    static Object walk(Object dest, Object patch, boolean patchHas, MergeSchema.Field field, String path) {
        if (!patchHas) {
            return dest;
        }
        if (patch == null) {
            return CLEAR;
        }
        Object kindOf = dest != null ? dest : patch;
        String type = field == null ? null : field.type();
        if (kindOf instanceof Map<?, ?>) {
            requireSameKind(dest, patch, Map.class, path);
            return mergeMap(dest == null ? null : (Map<String, Object>) dest, (Map<String, Object>) patch, type, path);
        }
        if (kindOf instanceof List<?>) {
            requireSameKind(dest, patch, List.class, path);
            if (field == null || !field.merged()) {
                return patch;
            }
            return AssociativeList.merge(dest == null ? null : (List<Object>) dest, (List<Object>) patch, field, path);
        }
        requireSameKind(dest, patch, Object.class, path);
        return patch;
    }

    /** kyaml's VisitMap and walkMap. */
    @SuppressWarnings("unchecked")
    static Object mergeMap(Map<String, Object> dest, Map<String, Object> patch, String type, String path) {
        String directive = directive(patch, path);
        if (dest == null) {
            if ("delete".equals(directive)) {
                return CLEAR;
            }
            dest = new LinkedHashMap<>();
        } else if ("delete".equals(directive)) {
            return CLEAR;
        } else if ("replace".equals(directive)) {
            dest = new LinkedHashMap<>();
        }
        TreeSet<String> names = new TreeSet<>(dest.keySet());
        names.addAll(patch.keySet());
        for (String name : names) {
            Object result = walk(dest.get(name), patch.get(name), patch.containsKey(name),
                    MergeSchema.field(type, name), path + "/" + name);
            if (result == CLEAR || result == null) {
                dest.remove(name);
            } else {
                dest.put(name, result);
            }
        }
        return dest;
    }

    /** Removes and returns the {@code $patch} directive of a mapping (null when there is none). */
    private static String directive(Map<String, Object> patch, String path) {
        if (!patch.containsKey(DIRECTIVE)) {
            return null;
        }
        String value = string(patch.remove(DIRECTIVE));
        if (!List.of("delete", "replace", "merge").contains(value)) {
            throw new InvalidInputException("unknown patch strategy '" + value + "' at " + (path.isEmpty() ? "/" : path)
                    + "; use $patch: delete, replace or merge");
        }
        return value;
    }

    /** Removes the directive element of a list ({@code - $patch: replace}) and returns its value, or null. */
    static String listDirective(List<Object> patch, String path) {
        for (int i = 0; i < patch.size(); i++) {
            if (patch.get(i) instanceof Map<?, ?> m && m.size() == 1 && m.containsKey(DIRECTIVE)) {
                String value = string(m.get(DIRECTIVE));
                if (!List.of("delete", "replace", "merge").contains(value)) {
                    throw new InvalidInputException("unknown patch strategy '" + value + "' at " + path
                            + "; use $patch: delete, replace or merge");
                }
                List<Object> rest = new ArrayList<>(patch);
                rest.removeIf(e -> e instanceof Map<?, ?> d && d.size() == 1 && value.equals(d.get(DIRECTIVE)));
                patch.clear();
                patch.addAll(rest);
                return value;
            }
        }
        return null;
    }

    private static void requireSameKind(Object dest, Object patch, Class<?> kind, String path) {
        boolean destOk = dest == null || kindOf(dest) == kind;
        boolean patchOk = kindOf(patch) == kind;
        if (!destOk || !patchOk) {
            throw new InvalidInputException("the patch sets " + (path.isEmpty() ? "/" : path) + " to " + describe(patch)
                    + " where the object has " + describe(dest) + "; a strategic merge patch must keep the shape");
        }
    }

    private static Class<?> kindOf(Object value) {
        return value instanceof Map<?, ?> ? Map.class : value instanceof List<?> ? List.class : Object.class;
    }

    private static String describe(Object value) {
        return value instanceof Map<?, ?> ? "a mapping" : value instanceof List<?> ? "a list" : "a scalar";
    }

    static String string(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
