package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A kustomize field spec ({@code {group, version, kind, path, create}}, api/types/fieldspec.go): which
 * field of which kinds a transformer touches. The path is split at {@code /} (a {@code \/} is a
 * literal slash); a list on the way is entered element by element; {@code create} makes missing
 * fields on the way. Walking follows kustomize's fieldspec filter (api/filters/fieldspec/fieldspec.go).
 */
record FieldSpec(String group, String version, String kind, String path, boolean create) {

    /** What a missing last field is created as, when the spec says {@code create: true}. */
    enum Create {
        /** Never create (var references, images). */
        NONE,
        /** Create a scalar (names, namespaces, replicas). */
        SCALAR,
        /** Create a mapping (labels, annotations). */
        MAP
    }

    /** A place in a manifest that holds a value: a mapping entry or a list element. */
    interface Slot {
        Object get();

        void set(Object value);
    }

    static FieldSpec of(String path, boolean create) {
        return new FieldSpec(null, null, null, path, create);
    }

    /** The specs of a list such as {@code fieldSpecs:} of a transformer configuration. */
    static List<FieldSpec> list(YamlFields f, String key) {
        List<FieldSpec> specs = new ArrayList<>();
        for (YamlFields s : f.list(key)) {
            s.onlyKeys(List.of("group", "version", "kind", "path", "create"));
            specs.add(new FieldSpec(s.string("group"), s.string("version"), s.string("kind"), s.requiredString("path"),
                    s.bool("create", false)));
        }
        return specs;
    }

    /** Whether the spec applies to this object (kind, group and version, where given, are equal). */
    boolean selects(WorkingObject o) {
        return (kind == null || kind.isEmpty() || kind.equals(o.kind()))
                && (group == null || group.isEmpty() || group.equals(o.group()))
                && (version == null || version.isEmpty() || version.equals(o.version()));
    }

    /**
     * Calls {@code visitor} with every slot at this spec's path in {@code o} (none when the object is
     * not selected or the path is missing and not to be created).
     */
    void visit(WorkingObject o, Create createKind, Consumer<Slot> visitor) {
        if (!selects(o)) {
            return;
        }
        List<String> parts = split(path);
        try {
            walk(o.manifest(), parts, 0, createKind, visitor);
        } catch (IllegalStateException e) {
            throw new InvalidInputException("considering field '" + path + "' of object " + ResId.of(o) + ": "
                    + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private void walk(Object node, List<String> parts, int i, Create createKind, Consumer<Slot> visitor) {
        if (node instanceof List<?> list) {
            for (Object element : list) {
                walk(element, parts, i, createKind, visitor);
            }
        } else if (node instanceof Map<?, ?> map) {
            walkMap((Map<String, Object>) map, parts, i, createKind, visitor);
        } else if (node != null) {
            throw new IllegalStateException("expected sequence or mapping node");
        }
    }

    private void walkMap(Map<String, Object> map, List<String> parts, int i, Create createKind,
            Consumer<Slot> visitor) {
        String part = parts.get(i);
        boolean sequence = part.endsWith("[]");
        String name = sequence ? part.substring(0, part.length() - 2) : part;
        if (name.isEmpty()) {
            throw new IllegalStateException("cannot set or create an empty field name");
        }
        boolean last = i == parts.size() - 1;
        if (!create || createKind == Create.NONE || sequence) {
            if (!map.containsKey(name)) {
                return;
            }
            if (sequence && map.get(name) == null) {
                map.put(name, new ArrayList<>());
            }
        } else if (map.get(name) == null) {
            map.put(name, last && createKind == Create.SCALAR ? "" : new LinkedHashMap<String, Object>());
        }
        if (!last) {
            walk(map.get(name), parts, i + 1, createKind, visitor);
            return;
        }
        visitor.accept(new Slot() {
            @Override
            public Object get() {
                return map.get(name);
            }

            @Override
            public void set(Object v) {
                map.put(name, v);
            }
        });
    }

    /** kustomize's PathSplitter: split at '/', a leading '/' ignored, {@code \/} kept as a literal slash. */
    static List<String> split(String path) {
        String[] raw = path.split("/", -1);
        List<String> parts = new ArrayList<>();
        int start = raw.length > 1 && raw[0].isEmpty() ? 1 : 0;
        for (int i = start; i < raw.length; i++) {
            if (!parts.isEmpty() && parts.get(parts.size() - 1).endsWith("\\")) {
                String previous = parts.remove(parts.size() - 1);
                parts.add(previous.substring(0, previous.length() - 1) + "/" + raw[i]);
            } else {
                parts.add(raw[i]);
            }
        }
        return parts;
    }
}
