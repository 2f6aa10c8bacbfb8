package io.jenkins.plugins.gitops.engine.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 6902 JSON Patch over YAML values: add, remove, replace, move, copy and test. Failures are
 * {@link IllegalArgumentException}s naming the operation; the caller adds file and object.
 */
final class JsonPatch {
    private JsonPatch() {
    }

    /** The patched copy of {@code document}. */
    static Object apply(Object document, List<?> operations) {
        Object doc = Values.copy(document);
        for (int i = 0; i < operations.size(); i++) {
            if (!(operations.get(i) instanceof Map<?, ?> op)) {
                throw new IllegalArgumentException("operation " + (i + 1) + " is not a mapping {op, path, value}");
            }
            String name = String.valueOf(op.get("op"));
            String path = op.get("path") == null ? null : String.valueOf(op.get("path"));
            String label = "operation " + (i + 1) + " (" + name + " " + path + ")";
            if (path == null) {
                throw new IllegalArgumentException(label + ": 'path' is required");
            }
            try {
                doc = applyOne(doc, name, pointer(path), op);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(label + ": " + e.getMessage(), e);
            }
        }
        return doc;
    }

    private static Object applyOne(Object doc, String op, List<String> path, Map<?, ?> operation) {
        switch (op) {
            case "add" -> {
                return add(doc, path, Values.copy(required(operation, "value")));
            }
            case "remove" -> {
                get(doc, path);
                return remove(doc, path);
            }
            case "replace" -> {
                get(doc, path);
                Object removed = remove(doc, path);
                return add(removed, path, Values.copy(required(operation, "value")));
            }
            case "move", "copy" -> {
                List<String> from = pointer(String.valueOf(required(operation, "from")));
                Object value = Values.copy(get(doc, from));
                if (op.equals("move")) {
                    if (path.size() > from.size() && path.subList(0, from.size()).equals(from)) {
                        throw new IllegalArgumentException("cannot move a value into itself");
                    }
                    doc = remove(doc, from);
                }
                return add(doc, path, value);
            }
            case "test" -> {
                if (!Values.jsonEquals(get(doc, path), required(operation, "value"))) {
                    throw new IllegalArgumentException("test failed: the value differs");
                }
                return doc;
            }
            default -> throw new IllegalArgumentException("unknown op '" + op
                    + "'; use add, remove, replace, move, copy or test");
        }
    }

    private static Object required(Map<?, ?> operation, String key) {
        if (!operation.containsKey(key)) {
            throw new IllegalArgumentException("'" + key + "' is required");
        }
        return operation.get(key);
    }

    static List<String> pointer(String path) {
        if (path.isEmpty()) {
            return List.of();
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/'");
        }
        List<String> tokens = new ArrayList<>();
        for (String t : path.substring(1).split("/", -1)) {
            tokens.add(t.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static Object get(Object doc, List<String> path) {
        Object current = doc;
        for (String token : path) {
            if (current instanceof Map<?, ?> map && map.containsKey(token)) {
                current = map.get(token);
            } else if (current instanceof List<?> list && index(token, list.size() - 1) >= 0) {
                current = list.get(index(token, list.size() - 1));
            } else {
                throw new IllegalArgumentException("path not found");
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Object add(Object doc, List<String> path, Object value) {
        if (path.isEmpty()) {
            return value;
        }
        Object parent = parentOf(doc, path);
        String last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(last, value);
        } else if (parent instanceof List<?> list) {
            int at = last.equals("-") ? list.size() : index(last, list.size());
            if (at < 0) {
                throw new IllegalArgumentException("index " + last + " is out of range");
            }
            ((List<Object>) list).add(at, value);
        } else {
            throw new IllegalArgumentException("parent is not an object or list");
        }
        return doc;
    }

    private static Object remove(Object doc, List<String> path) {
        if (path.isEmpty()) {
            return null;
        }
        Object parent = parentOf(doc, path);
        String last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> map && map.containsKey(last)) {
            map.remove(last);
        } else if (parent instanceof List<?> list && index(last, list.size() - 1) >= 0) {
            list.remove(index(last, list.size() - 1));
        } else {
            throw new IllegalArgumentException("path not found");
        }
        return doc;
    }

    private static Object parentOf(Object doc, List<String> path) {
        try {
            return get(doc, path.subList(0, path.size() - 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parent path not found", e);
        }
    }

    /** The list index a token names, or -1 if it is not a number within 0..max. */
    private static int index(String token, int max) {
        if (!token.matches("0|[1-9]\\d{0,8}")) {
            return -1;
        }
        int i = Integer.parseInt(token);
        return i <= max ? i : -1;
    }
}
