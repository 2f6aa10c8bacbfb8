package io.jenkins.plugins.gitops.engine.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The merge of a list that Kubernetes merges element by element (kyaml's walkAssociativeSequence with
 * kustomize's "prepend" option, kyaml/yaml/walk/associative_sequence.go), ported step by step because its
 * results are what users see: the patch's elements come first, in the patch's order, then the object's other
 * elements; elements with equal keys merge; an element that merges to nothing ({@code $patch: delete}) goes.
 * Lists of scalars (finalizers) become the union, patch first. With two keys (container ports: port and
 * protocol) kyaml's matching has quirks, kept here: a key missing on one side matches any value.
 */
final class AssociativeList {
    private AssociativeList() {
    }

    static Object merge(List<Object> dest, List<Object> patch, MergeSchema.Field field, String path) {
        String directive = StrategicMerge.listDirective(patch, path);
        if ("delete".equals(directive)) {
            return StrategicMerge.CLEAR;
        }
        List<Object> target = dest == null || "replace".equals(directive) ? Values.copyList(patch) : dest;
        if (field.keys().isEmpty()) {
            LinkedHashSet<Object> union = new LinkedHashSet<>();
            for (Object item : patch) {
                union.add(text(item));
            }
            for (Object item : target) {
                union.add(text(item));
            }
            List<Object> out = new ArrayList<>();
            for (Object value : union) {
                out.add(find(patch, value) != null ? find(patch, value) : find(target, value));
            }
            return out;
        }
        return keyed(target, patch, field, path);
    }

    private static List<Object> keyed(List<Object> dest, List<Object> patch, MergeSchema.Field field, String path) {
        List<String> keys = field.keys();
        List<List<String>> valuesList = new ArrayList<>();
        for (List<Object> source : List.of(patch, dest)) {
            for (Object element : source) {
                List<String> values = keyValues(element, keys);
                if (!valuesList.contains(values)) {
                    valuesList.add(values);
                }
            }
        }
        if (keys.size() > 1) {
            mergeValues(valuesList);
        }
        List<Object> items = new ArrayList<>();
        List<String> validKeys = keys;
        for (List<String> values : valuesList) {
            List<String>[] valid = validate(valuesList, values, keys);
            validKeys = valid[0];
            List<String> validValues = valid[1];
            List<String>[] exact = validate(List.of(validValues), validValues, validKeys);
            Object destElement = match(dest, exact[0], exact[1]);
            Object patchElement = match(patch, exact[0], exact[1]);
            Object merged = mergeElement(destElement, patchElement, field, path);
            if (merged == null || merged == StrategicMerge.CLEAR || merged instanceof Map<?, ?> m && m.isEmpty()) {
                setElement(dest, null, validKeys, validValues);
                continue;
            }
            if (merged instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) m;
                for (int i = 0; i < validKeys.size(); i++) {
                    if (!map.containsKey(validKeys.get(i)) && !validValues.get(i).isEmpty()) {
                        map.put(validKeys.get(i), validValues.get(i));
                    }
                }
            }
            setElement(items, merged, validKeys, validValues);
        }
        for (Object element : new ArrayList<>(dest)) {
            List<String> v = new ArrayList<>();
            for (String key : validKeys) {
                if (element instanceof Map<?, ?> m && m.containsKey(key)) {
                    v.add(text(m.get(key)));
                } else {
                    items.add(element);
                }
            }
            if (validKeys.size() > 1) {
                setElement(items, null, validKeys, v);
            }
            setElement(items, element, validKeys, v);
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private static Object mergeElement(Object dest, Object patch, MergeSchema.Field field, String path) {
        if (patch == null) {
            return dest;
        }
        if (patch instanceof Map<?, ?> p && (dest == null || dest instanceof Map<?, ?>)) {
            return StrategicMerge.mergeMap((Map<String, Object>) dest, (Map<String, Object>) Values.copy(p),
                    field.type(), path + "[]");
        }
        return patch;
    }

    /** kyaml's ElementValuesList for one element: each key's value as text, "" when missing or empty. */
    private static List<String> keyValues(Object element, List<String> keys) {
        List<String> values = new ArrayList<>();
        for (String key : keys) {
            Object v = element instanceof Map<?, ?> m ? m.get(key) : null;
            values.add(v == null || v instanceof Map<?, ?> mm && mm.isEmpty() || v instanceof List<?> l && l.isEmpty()
                    ? "" : text(v));
        }
        return values;
    }

    /** kyaml's mergeValues: tuples equal where both are non-empty become one. */
    private static void mergeValues(List<List<String>> valuesList) {
        for (int i = 0; i < valuesList.size(); i++) {
            for (int j = 0; j < valuesList.size(); j++) {
                List<String> merged = matchValues(valuesList.get(i), valuesList.get(j));
                if (merged != null) {
                    valuesList.set(i, merged);
                    valuesList.set(j, merged);
                }
            }
        }
    }

    private static List<String> matchValues(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return null;
        }
        boolean common = false;
        List<String> res = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals(b.get(i))) {
                common = true;
                res.add(a.get(i));
            } else if (!a.get(i).isEmpty() && !b.get(i).isEmpty()) {
                return null;
            } else {
                res.add(a.get(i).isEmpty() ? b.get(i) : a.get(i));
            }
        }
        return common ? res : null;
    }

    /** kyaml's validateKeys: the keys some tuple has a value for, and this tuple's values of them. */
    @SuppressWarnings("unchecked")
    private static List<String>[] validate(List<List<String>> valuesList, List<String> values, List<String> keys) {
        LinkedHashSet<String> validSet = new LinkedHashSet<>();
        for (List<String> vs : valuesList) {
            for (int i = 0; i < vs.size(); i++) {
                if (!vs.get(i).isEmpty()) {
                    validSet.add(keys.get(i));
                }
            }
        }
        if (validSet.isEmpty()) {
            return new List[] {keys, values};
        }
        List<String> validKeys = keys.stream().filter(validSet::contains).toList();
        List<String> validValues = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isEmpty() || validSet.contains(keys.get(i))) {
                validValues.add(values.get(i));
            }
        }
        return new List[] {validKeys, validValues};
    }

    /** kyaml's ElementMatcher: the first mapping element whose keys have exactly these values. */
    private static Object match(List<Object> list, List<String> keys, List<String> values) {
        for (Object element : list) {
            if (element instanceof Map<?, ?> m) {
                boolean all = true;
                for (int i = 0; i < keys.size() && all; i++) {
                    all = m.containsKey(keys.get(i)) && i < values.size() && text(m.get(keys.get(i))).equals(values.get(i));
                }
                if (all) {
                    return element;
                }
            }
        }
        return null;
    }

    /**
     * kyaml's ElementSetter: drops null and empty elements, replaces every element whose key fields have the
     * given values (an empty value only needs the field) by {@code element}, or removes them when it is null;
     * appends {@code element} when nothing matched.
     */
    private static void setElement(List<Object> list, Object element, List<String> keys, List<String> values) {
        List<Object> out = new ArrayList<>();
        boolean found = false;
        boolean mappingSetter = !keys.isEmpty() && !keys.get(0).isEmpty() && !values.isEmpty() && !values.get(0).isEmpty();
        for (Object e : list) {
            if (e == null || e instanceof Map<?, ?> m && m.isEmpty()) {
                continue;
            }
            if (!(e instanceof Map<?, ?>) && mappingSetter) {
                out.add(e);
                continue;
            }
            boolean matches = !values.isEmpty();
            for (int j = 0; j < keys.size() && j < values.size() && matches; j++) {
                matches = e instanceof Map<?, ?> m && m.containsKey(keys.get(j)) && m.get(keys.get(j)) != null
                        && (values.get(j).isEmpty() || text(m.get(keys.get(j))).equals(values.get(j)));
            }
            if (!matches) {
                if (!values.isEmpty()) {
                    out.add(e);
                }
                continue;
            }
            found = true;
            if (element != null) {
                out.add(element);
            }
        }
        list.clear();
        list.addAll(out);
        if (element != null && !found) {
            list.add(element);
        }
    }

    private static Object find(List<Object> list, Object textValue) {
        return list.stream().filter(i -> Objects.equals(text(i), textValue)).findFirst().orElse(null);
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
