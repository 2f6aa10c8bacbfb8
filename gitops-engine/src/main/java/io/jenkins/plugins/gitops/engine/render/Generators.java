package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kustomize {@code configMapGenerator} and {@code secretGenerator} (api/internal/generators): the pairs of
 * {@link GeneratorData} make a ConfigMap (UTF-8 values in {@code data}, others base64 in {@code binaryData})
 * or a Secret (base64 {@code data}, {@code type} Opaque unless given), with {@code generatorOptions} and the
 * entry's own {@code options}. The result joins the objects as kustomize's ResMap.AbsorbAll does
 * ({@link GeneratorMerge}). The content-hash suffix is added by {@link ContentHash} at the very end.
 */
final class Generators {
    private static final List<String> KEYS = List.of("name", "namespace", "behavior", "literals", "files", "envs",
            "env", "type", "options");
    private static final List<String> OPTIONS = List.of("labels", "annotations", "disableNameSuffixHash", "immutable");

    /** One generator entry, with generatorOptions folded in (kustomize's MergeGlobalOptionsIntoLocal). */
    record Spec(String kind, String where, String directory, String name, String namespace, String behavior,
            List<String> literals, List<String> files, List<String> envs, String type, Map<String, String> labels,
            Map<String, String> annotations, boolean hashSuffix, boolean immutable) {
    }

    private Generators() {
    }

    static List<Spec> specs(YamlFields f, String directory) {
        YamlFields global = f.object("generatorOptions");
        if (global != null) {
            global.onlyKeys(OPTIONS);
        }
        List<Spec> specs = new ArrayList<>();
        for (String key : List.of("configMapGenerator", "secretGenerator")) {
            for (YamlFields g : f.list(key)) {
                g.onlyKeys(KEYS);
                YamlFields local = g.object("options");
                if (local != null) {
                    local.onlyKeys(OPTIONS);
                }
                Map<String, String> labels = new LinkedHashMap<>();
                Map<String, String> annotations = new LinkedHashMap<>();
                boolean disableHash = false;
                boolean immutable = false;
                for (YamlFields o : new YamlFields[] {global, local}) {
                    if (o != null) {
                        labels.putAll(o.stringMap("labels"));
                        annotations.putAll(o.stringMap("annotations"));
                        disableHash |= o.bool("disableNameSuffixHash", false);
                        immutable |= o.bool("immutable", false);
                    }
                }
                List<String> envs = new ArrayList<>(g.strings("envs"));
                if (g.has("env") && !g.string("env").isEmpty()) {
                    envs.add(g.string("env"));
                }
                String behavior = g.string("behavior") == null || g.string("behavior").isEmpty() ? "create"
                        : g.string("behavior");
                if (!List.of("create", "merge", "replace").contains(behavior)) {
                    throw new InvalidInputException(g.where() + ": behavior must be create, merge or replace, found '"
                            + behavior + "'");
                }
                String name = g.string("name");
                if (name == null || name.isEmpty()) {
                    throw new InvalidInputException(g.where() + ": 'name' is required (a generated "
                            + (key.equals("configMapGenerator") ? "ConfigMap" : "Secret") + " must have a name)");
                }
                String namespace = g.string("namespace");
                specs.add(new Spec(key.equals("configMapGenerator") ? "ConfigMap" : "Secret", g.where(), directory,
                        name, namespace == null || namespace.isEmpty() ? null : namespace, behavior,
                        g.strings("literals"), g.strings("files"), envs, g.string("type"), labels, annotations,
                        !disableHash, immutable));
            }
        }
        return specs;
    }

    /** Generates every entry and absorbs it into {@code objects}, in order (ConfigMaps, then Secrets). */
    static void apply(SourceTree tree, List<Spec> specs, List<WorkingObject> objects, String kustomizationFile) {
        for (Spec spec : specs) {
            WorkingObject generated = new WorkingObject(manifest(spec, GeneratorData.load(tree, spec)),
                    kustomizationFile, spec.hashSuffix());
            GeneratorMerge.absorb(objects, generated, spec);
        }
    }

    private static Map<String, Object> manifest(Spec spec, Map<String, String> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", "v1");
        m.put("kind", spec.kind());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", spec.name());
        if (spec.namespace() != null) {
            metadata.put("namespace", spec.namespace());
        }
        if (!spec.labels().isEmpty()) {
            metadata.put("labels", new TreeMap<>(spec.labels()));
        }
        if (!spec.annotations().isEmpty()) {
            metadata.put("annotations", new TreeMap<>(spec.annotations()));
        }
        m.put("metadata", metadata);
        Map<String, Object> sorted = new TreeMap<>(data);
        if (spec.kind().equals("Secret")) {
            m.put("type", spec.type() == null || spec.type().isEmpty() ? "Opaque" : spec.type());
            Map<String, Object> encoded = new LinkedHashMap<>();
            sorted.forEach((k, v) -> encoded.put(k, GeneratorData.base64((String) v)));
            m.put("data", encoded);
        } else {
            putConfigMapData(m, sorted);
        }
        if (spec.immutable()) {
            m.put("immutable", true);
        }
        return m;
    }

    /**
     * Puts raw values into a ConfigMap as kyaml's LoadMapIntoConfigMapData does: UTF-8 text into {@code data},
     * anything else base64 into {@code binaryData}; a field is only created when it gets an entry.
     */
    static void putConfigMapData(Map<String, Object> configMap, Map<String, Object> rawValues) {
        Map<String, Object> text = new LinkedHashMap<>();
        Map<String, Object> binary = new LinkedHashMap<>();
        new TreeMap<>(rawValues).forEach((k, v) -> {
            String utf8 = GeneratorData.text(String.valueOf(v));
            if (utf8 != null) {
                text.put(k, utf8);
            } else {
                binary.put(k, GeneratorData.base64(String.valueOf(v)));
            }
        });
        if (!text.isEmpty()) {
            configMap.put("data", text);
        }
        if (!binary.isEmpty()) {
            configMap.put("binaryData", binary);
        }
    }
}
