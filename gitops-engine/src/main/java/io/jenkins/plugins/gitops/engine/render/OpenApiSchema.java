package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Kustomize {@code openapi}: {@code path} to an OpenAPI document (JSON or YAML, with {@code definitions}
 * whose {@code x-kubernetes-group-version-kind} names the kinds they describe), or {@code version} of the
 * built-in Kubernetes schema (kustomize has v1.21.2 only). The schema decides how strategic merge patches
 * merge the lists of those kinds: a list whose {@code x-kubernetes-patch-strategy} includes {@code merge}
 * is merged on {@code x-kubernetes-list-map-keys} or {@code x-kubernetes-patch-merge-key}, other lists are
 * replaced. As in kustomize (kyaml/openapi SetSchema), the schema is global to a build: the built
 * kustomization's {@code openapi} wins, else the first one met while building, and it applies from then on.
 */
final class OpenApiSchema {
    static final String BUILT_IN_VERSION = "v1.21.2";
    private static final String TYPE_PREFIX = "openapi:";
    private static final ThreadLocal<Build> CURRENT = new ThreadLocal<>();

    /** What a kustomization's {@code openapi} says: a custom schema, or the built-in one. */
    record Setting(OpenApiSchema custom) {
    }

    private final Map<String, Object> definitions;
    private final Map<String, String> roots = new HashMap<>();
    private final List<Map<?, ?>> nodes = new ArrayList<>();
    private final Map<Map<?, ?>, Integer> ids = new IdentityHashMap<>();
    private boolean builtinToo;

    private OpenApiSchema(Map<String, Object> definitions, String where) {
        this.definitions = definitions;
        for (Map.Entry<String, Object> e : definitions.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> def
                    && def.get("x-kubernetes-group-version-kind") instanceof List<?> gvks) {
                for (Object gvk : gvks) {
                    if (gvk instanceof Map<?, ?> g) {
                        String key = text(g.get("group")) + "/" + text(g.get("version")) + "/" + text(g.get("kind"));
                        roots.putIfAbsent(key, e.getKey());
                    }
                }
            } else if (!(e.getValue() instanceof Map)) {
                throw new InvalidInputException(where + ": definition '" + e.getKey() + "' is not a mapping");
            }
        }
    }

    /** The {@code openapi} of a kustomization file, or null when it has none. */
    @SuppressWarnings("unchecked")
    static Setting read(SourceTree tree, String directory, String file, YamlFields f) {
        if (!f.has("openapi")) {
            return null;
        }
        Map<String, String> o = f.stringMap("openapi");
        String where = file + ": openapi";
        for (String key : o.keySet()) {
            if (!key.equals("path") && !key.equals("version")) {
                throw new InvalidInputException(where + ": unknown key '" + key + "'; give path (a schema file) or"
                        + " version (" + BUILT_IN_VERSION + ")");
            }
        }
        String version = o.get("version");
        if (o.containsKey("path")) {
            if (version != null) {
                throw new InvalidInputException(where + ": builtin version and custom schema provided, cannot use"
                        + " both");
            }
            String path = KustomizeFiles.file(directory, o.get("path"), where);
            if (!tree.isFile(path)) {
                throw new InvalidInputException(where + ": schema file " + path + " not found; check the path");
            }
            Object document = SafeYaml.load(tree.read(path), path);
            if (!(document instanceof Map<?, ?> d) || !(d.get("definitions") instanceof Map<?, ?> definitions)) {
                throw new InvalidInputException(path + ": invalid schema file: expected an OpenAPI document with"
                        + " definitions");
            }
            return new Setting(new OpenApiSchema((Map<String, Object>) definitions, path));
        }
        if (version != null && !version.isEmpty() && !version.equals(BUILT_IN_VERSION)) {
            throw new InvalidInputException(where + ": the specified OpenAPI version is not built in (kustomize has "
                    + BUILT_IN_VERSION + ")");
        }
        return new Setting(null);
    }

    /** Runs a build with its own schema setting (none until a kustomization gives one). */
    static <T> T during(Supplier<T> work) {
        Build previous = CURRENT.get();
        CURRENT.set(new Build());
        try {
            return work.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    /**
     * A kustomization's setting takes effect if none has yet in this build (kustomize's SetSchema). A custom
     * schema set after objects were read gets kustomize's built-in definitions too (kyaml parses them then,
     * as its namespace-scope checks asked for them): references to built-in types resolve; a custom schema
     * of the built kustomization itself has its own definitions only.
     */
    static void offer(Setting setting) {
        Build build = CURRENT.get();
        if (setting != null && build != null && !build.set) {
            build.set = true;
            build.custom = setting.custom();
            if (build.custom != null) {
                build.custom.builtinToo = build.objectsRead;
            }
        }
    }

    /** Notes that the build has read objects (kyaml's first scope check happens then). */
    static void objectsRead() {
        Build build = CURRENT.get();
        if (build != null && !build.set) {
            build.objectsRead = true;
        }
    }

    /** The merge type of objects of this apiVersion and kind in the custom schema in force, or null. */
    static String root(String apiVersion, String kind) {
        OpenApiSchema s = active();
        if (s == null) {
            return null;
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String definition = s.roots.get(group + "/" + version + "/" + kind);
        return definition == null ? null : s.type(s.definitions.get(definition));
    }

    /** Whether {@code type} is a type of the custom schema ({@link #field} answers for it). */
    static boolean owns(String type) {
        return type != null && type.startsWith(TYPE_PREFIX);
    }

    /** Field {@code name} of a custom-schema type: its type, and whether and on which keys a list merges. */
    static MergeSchema.Field field(String type, String name) {
        OpenApiSchema s = active();
        if (s == null) {
            return null;
        }
        Map<?, ?> node = s.nodes.get(Integer.parseInt(type.substring(TYPE_PREFIX.length())));
        if (!(s.resolve(node).get("properties") instanceof Map<?, ?> properties)
                || !(properties.get(name) instanceof Map<?, ?> property)) {
            return null;
        }
        Map<?, ?> resolved = s.resolve(property);
        if ("array".equals(resolved.get("type")) || resolved.get("items") != null) {
            String strategy = text(property.get("x-kubernetes-patch-strategy"));
            List<String> keys = new ArrayList<>();
            if (property.get("x-kubernetes-list-map-keys") instanceof List<?> mapKeys) {
                mapKeys.forEach(k -> keys.add(text(k)));
            } else if (property.get("x-kubernetes-patch-merge-key") != null) {
                keys.add(text(property.get("x-kubernetes-patch-merge-key")));
            }
            Object items = resolved.get("items");
            String elementType = items instanceof Map<?, ?> i ? s.type(i) : null;
            return new MergeSchema.Field(elementType, keys, List.of(strategy.split(",")).contains("merge"));
        }
        return new MergeSchema.Field(s.type(property), List.of(), false);
    }

    private static OpenApiSchema active() {
        Build build = CURRENT.get();
        return build == null ? null : build.custom;
    }

    /**
     * The type name of a schema node. A reference to a definition the file lacks is the built-in type of
     * that name when the built-in definitions are loaded too, else null: no schema for the field (its
     * mappings merge, its lists are replaced).
     */
    private String type(Object node) {
        if (!(node instanceof Map<?, ?> map)) {
            return null;
        }
        Object ref = map.get("$ref");
        if (ref != null && !definitions.containsKey(definitionName(ref))) {
            String name = definitionName(ref);
            return builtinToo ? name.substring(name.lastIndexOf('.') + 1) : null;
        }
        return TYPE_PREFIX + ids.computeIfAbsent(map, m -> {
            nodes.add(m);
            return nodes.size() - 1;
        });
    }

    private Map<?, ?> resolve(Map<?, ?> node) {
        Map<?, ?> current = node;
        for (int i = 0; i < 32 && current.get("$ref") != null; i++) {
            Object target = definitions.get(definitionName(current.get("$ref")));
            if (!(target instanceof Map<?, ?> t)) {
                return Map.of();
            }
            current = t;
        }
        return current;
    }

    private static String definitionName(Object ref) {
        String r = text(ref);
        return r.startsWith("#/definitions/") ? r.substring("#/definitions/".length()) : r;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** The schema setting of one build. */
    private static final class Build {
        private boolean set;
        private boolean objectsRead;
        private OpenApiSchema custom;
    }
}
