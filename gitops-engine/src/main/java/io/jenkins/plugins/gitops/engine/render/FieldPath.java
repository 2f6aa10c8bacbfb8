package io.jenkins.plugins.gitops.engine.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Dotted field paths as kustomize's replacements and vars write them ({@code spec.template.spec.
 * containers.[name=web].image}, {@code spec.ports.0.port}, {@code data.*}), with kyaml's semantics:
 * {@link #lookup} is kyaml's PathGetter (one value, exact {@code [key=value]} matches), {@link #match}
 * its PathMatcher (every value: {@code *} for every element, {@code [key=regex]} with an unanchored
 * regular expression, creating missing fields on request). See kyaml/yaml/fns.go and match.go.
 */
final class FieldPath {
    /** Put where a missing scalar was created; replaced by the value set right after matching. */
    static final Object CREATED = new Object() {
        @Override
        public String toString() {
            return "<created>";
        }
    };
    private static final Pattern SLICE_INDEX = Pattern.compile("^(.*)\\[(\\d+)\\]$");

    private FieldPath() {
    }

    /** kyaml's SmarterPathSplitter at '.': {@code [a.b=c]} stays one part; {@code \.} is a literal dot. */
    static List<String> split(String path) {
        List<String> raw = new ArrayList<>();
        String[] pieces = path.split("\\.", -1);
        int start = pieces.length > 1 && pieces[0].isEmpty() ? 1 : 0;
        for (int i = start; i < pieces.length; i++) {
            if (!raw.isEmpty() && raw.get(raw.size() - 1).endsWith("\\")) {
                String previous = raw.remove(raw.size() - 1);
                raw.add(previous.substring(0, previous.length() - 1) + "." + pieces[i]);
            } else {
                raw.add(pieces[i]);
            }
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String part = raw.get(i);
            if (part.startsWith("[") && !part.endsWith("]")) {
                StringBuilder bracketed = new StringBuilder(part);
                while (i < raw.size() - 1) {
                    i++;
                    bracketed.append('.').append(raw.get(i));
                    if (raw.get(i).endsWith("]")) {
                        break;
                    }
                }
                String joined = bracketed.toString();
                parts.add(joined.contains("=") ? joined : trimBrackets(joined));
            } else {
                parts.add(part);
            }
        }
        return parts;
    }

    /** kyaml's convertSliceIndex: {@code ports[1]} becomes {@code ports}, {@code 1} (GetFieldValue paths). */
    static List<String> splitWithIndexes(String path) {
        List<String> out = new ArrayList<>();
        for (String part : split(path)) {
            Matcher m = part.endsWith("]") ? SLICE_INDEX.matcher(part) : null;
            if (m != null && m.matches()) {
                if (!m.group(1).isEmpty()) {
                    out.add(m.group(1));
                }
                out.add(m.group(2));
            } else {
                out.add(part);
            }
        }
        return out;
    }

    /**
     * The value at {@code parts} (kyaml's Lookup): null when a field or element is missing (a present
     * null value is returned as {@link java.util.Optional}-free null too). Throws
     * IllegalArgumentException where kyaml fails (an index into a mapping, a field of a list).
     */
    static Object lookup(Object root, List<String> parts) {
        Object current = root;
        for (String raw : parts) {
            String part = raw.trim();
            if (part.isEmpty()) {
                continue;
            }
            if (current == null) {
                return null;
            }
            if (part.matches("-?\\d+")) {
                int index = Integer.parseInt(part);
                if (index < 0) {
                    throw new IllegalArgumentException("array index " + index + " cannot be negative");
                }
                List<?> list = asList(current);
                current = index < list.size() ? list.get(index) : null;
            } else if (part.equals("-")) {
                List<?> list = asList(current);
                current = list.isEmpty() ? null : list.get(list.size() - 1);
            } else if (part.equals("*")) {
                throw new IllegalArgumentException("wildcard is not supported in PathGetter");
            } else if (isListIndex(part)) {
                String[] kv = splitIndex(part);
                current = exactElement(asList(current), kv[0], kv[1]);
            } else {
                if (!(current instanceof Map<?, ?> map)) {
                    throw new IllegalArgumentException("wrong node kind: expected MappingNode but got "
                            + kindOf(current));
                }
                current = map.get(part);
            }
        }
        return current;
    }

    /** What kind a created last field gets: a scalar placeholder ({@link #CREATED}), a mapping or a list. */
    enum Create {
        NONE, SCALAR, MAP, LIST
    }

    /**
     * Every slot {@code parts} selects in {@code root} (kyaml's PathMatcher), creating missing fields
     * (and list elements for {@code [key=value]}) when {@code create} is not NONE.
     */
    static List<FieldSpec.Slot> match(Map<String, Object> root, List<String> parts, Create create) {
        List<FieldSpec.Slot> out = new ArrayList<>();
        matchMap(root, parts, 0, create, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void matchInto(Object node, List<String> parts, int i, Create create, List<FieldSpec.Slot> out,
            FieldSpec.Slot self) {
        if (i == parts.size()) {
            out.add(self);
            return;
        }
        String part = parts.get(i);
        if (part.matches("\\d+")) {
            List<Object> list = (List<Object>) asList(node);
            int index = Integer.parseInt(part);
            if (list.size() == index && create != Create.NONE) {
                list.add(newNode(i + 1 < parts.size() ? parts.get(i + 1) : "", create));
            }
            if (list.size() < index + 1) {
                throw new IllegalArgumentException("index " + index + " specified but only " + list.size()
                        + " elements found");
            }
            matchInto(list.get(index), parts, i + 1, create, out, slot(list, index));
        } else if (isListIndex(part)) {
            matchSequence((List<Object>) asList(node), parts, i, create, out);
        } else if (part.equals("*")) {
            List<Object> list = (List<Object>) asList(node);
            for (int j = 0; j < list.size(); j++) {
                matchInto(list.get(j), parts, i + 1, create, out, slot(list, j));
            }
        } else if (node instanceof Map<?, ?> map) {
            matchMap((Map<String, Object>) map, parts, i, create, out);
        } else if (node != null) {
            throw new IllegalArgumentException("wrong node kind: expected MappingNode but got " + kindOf(node));
        }
    }

    private static void matchMap(Map<String, Object> map, List<String> parts, int i, Create create,
            List<FieldSpec.Slot> out) {
        String name = parts.get(i);
        if (!map.containsKey(name) || map.get(name) == null && create != Create.NONE) {
            if (create == Create.NONE) {
                return;
            }
            map.put(name, newNode(i + 1 < parts.size() ? parts.get(i + 1) : "", create));
        }
        matchInto(map.get(name), parts, i + 1, create, out, slot(map, name));
    }

    @SuppressWarnings("unchecked")
    private static void matchSequence(List<Object> list, List<String> parts, int i, Create create,
            List<FieldSpec.Slot> out) {
        String[] kv = splitIndex(parts.get(i));
        Pattern pattern;
        try {
            pattern = Pattern.compile(kv[1]);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + kv[1] + "' is not a valid regular expression");
        }
        int before = out.size();
        for (int j = 0; j < list.size(); j++) {
            Object element = list.get(j);
            if (kv[0].isEmpty()) {
                if (element != null && !(element instanceof Map) && !(element instanceof List)
                        && pattern.matcher(scalarText(element)).find()) {
                    out.add(slot(list, j));
                }
            } else if (element instanceof Map<?, ?> m && m.get(kv[0]) != null
                    && pattern.matcher(scalarText(m.get(kv[0]))).find()) {
                matchInto(m, parts, i + 1, create, out, slot(list, j));
            }
        }
        if (out.size() > before || create == Create.NONE) {
            return;
        }
        if (kv[0].isEmpty()) {
            list.add(kv[1]);
        } else {
            Map<String, Object> element = new LinkedHashMap<>();
            element.put(kv[0], kv[1]);
            list.add(element);
        }
        // kyaml matches again; only the new element can match now (the regular expression against its own value)
        if (!pattern.matcher(kv[1]).find()) {
            throw new IllegalArgumentException("cannot create an element matching " + parts.get(i));
        }
        int index = list.size() - 1;
        if (kv[0].isEmpty()) {
            out.add(slot(list, index));
        } else {
            matchInto(list.get(index), parts, i + 1, create, out, slot(list, index));
        }
    }

    private static Object newNode(String nextPart, Create create) {
        if (isListIndex(nextPart) || nextPart.matches("\\d+")) {
            return new ArrayList<>();
        }
        if (!nextPart.isEmpty()) {
            return new LinkedHashMap<String, Object>();
        }
        return switch (create) {
            case MAP -> new LinkedHashMap<String, Object>();
            case LIST -> new ArrayList<>();
            default -> CREATED;
        };
    }

    /** The text of a scalar as YAML prints it (what kyaml compares {@code [key=value]} with). */
    static String scalarText(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static Object exactElement(List<?> list, String key, String value) {
        for (Object element : list) {
            if (key.isEmpty()) {
                if (element != null && !(element instanceof Map) && !(element instanceof List)
                        && scalarText(element).equals(value)) {
                    return element;
                }
            } else if (element instanceof Map<?, ?> m && m.get(key) != null && !(m.get(key) instanceof Map)
                    && scalarText(m.get(key)).equals(value)) {
                return element;
            }
        }
        return null;
    }

    static boolean isListIndex(String part) {
        return part.startsWith("[") && part.endsWith("]");
    }

    private static String[] splitIndex(String part) {
        String inner = part.substring(1, part.length() - 1);
        int eq = inner.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("list path element must contain fieldName=fieldValue for element"
                    + " to match");
        }
        return new String[] {inner.substring(0, eq), inner.substring(eq + 1)};
    }

    private static List<?> asList(Object node) {
        if (!(node instanceof List<?> list)) {
            throw new IllegalArgumentException("wrong node kind: expected SequenceNode but got " + kindOf(node));
        }
        return list;
    }

    private static String kindOf(Object node) {
        if (node instanceof Map) {
            return "MappingNode";
        }
        return node instanceof List ? "SequenceNode" : "ScalarNode";
    }

    private static String trimBrackets(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '[' || s.charAt(start) == ']')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '[' || s.charAt(end - 1) == ']')) {
            end--;
        }
        return s.substring(start, end);
    }

    static FieldSpec.Slot slot(Map<String, Object> map, String key) {
        return new FieldSpec.Slot() {
            @Override
            public Object get() {
                return map.get(key);
            }

            @Override
            public void set(Object value) {
                map.put(key, value);
            }
        };
    }

    static FieldSpec.Slot slot(List<Object> list, int index) {
        return new FieldSpec.Slot() {
            @Override
            public Object get() {
                return list.get(index);
            }

            @Override
            public void set(Object value) {
                list.set(index, value);
            }
        };
    }
}
