package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A kustomization's additions to the transformer configuration: its {@code configurations:} files (each a
 * {@link TransformerConfig} document) and its {@code crds:} files, OpenAPI definitions whose
 * {@code x-kubernetes-*} extensions name fields for annotations ({@code x-kubernetes-annotation}), labels
 * ({@code x-kubernetes-label-selector}), name prefixes ({@code x-kubernetes-identity}) and name references
 * ({@code x-kubernetes-object-ref-kind}, {@code -api-version}, {@code -name-key}), as kustomize's
 * LoadConfigFromCRDs reads them (api/internal/accumulator/loadconfigfromcrds.go).
 */
final class TransformerConfigs {
    private TransformerConfigs() {
    }

    /** What a kustomization's files add: {@code configurations} (null when it names none) and {@code crds}. */
    record Files(TransformerConfig configurations, TransformerConfig crds) {
        /**
         * The configuration a kustomization's transformers use, given what its bases accumulated: kustomize's
         * defaults merged with the configurations files, merged into the bases' configuration, then the CRDs'.
         */
        TransformerConfig applyTo(TransformerConfig accumulated, String where) {
            TransformerConfig own = DefaultFieldSpecs.config();
            if (configurations != null) {
                own = own.merge(configurations, where);
            }
            return accumulated.merge(own, where).merge(crds, where);
        }
    }

    static Files read(SourceTree tree, String directory, String file, YamlFields f) {
        TransformerConfig configurations = null;
        for (String entry : f.strings("configurations")) {
            String path = KustomizeFiles.file(directory, entry, file);
            for (Object document : load(tree, path, file)) {
                TransformerConfig one = TransformerConfig.read(YamlFields.of(document, path)).sorted();
                configurations = (configurations == null ? TransformerConfig.empty() : configurations).merge(one, path);
            }
        }
        TransformerConfig config = TransformerConfig.empty();
        for (String entry : f.strings("crds")) {
            String path = KustomizeFiles.file(directory, entry, file);
            List<Object> documents = load(tree, path, file);
            if (documents.size() != 1 || !(documents.get(0) instanceof Map<?, ?> definitions)) {
                throw new InvalidInputException(path + ": expected one mapping of OpenAPI definitions (type name to"
                        + " {Schema: ...}), as kustomize's crds: files are");
            }
            config = config.merge(fromDefinitions(definitions), path);
        }
        return new Files(configurations, config);
    }

    private static List<Object> load(SourceTree tree, String path, String file) {
        if (!tree.isFile(path)) {
            throw new InvalidInputException(file + ": file " + path + " not found; check the path");
        }
        return SafeYaml.loadAll(tree.read(path), path);
    }

    private static TransformerConfig fromDefinitions(Map<?, ?> definitions) {
        TransformerConfig result = TransformerConfig.empty();
        for (Map.Entry<?, ?> e : definitions.entrySet()) {
            String name = String.valueOf(e.getKey());
            Map<?, ?> properties = properties(e.getValue());
            if (!properties.containsKey("kind") || !properties.containsKey("apiVersion")
                    || !properties.containsKey("metadata")) {
                continue;
            }
            String kind = name.substring(name.lastIndexOf('.') + 1);
            Builder b = new Builder(kind);
            b.load(definitions, name, new ArrayList<>(), 0);
            result = result.merge(b.config(), name);
        }
        return result;
    }

    private static Map<?, ?> properties(Object definition) {
        if (definition instanceof Map<?, ?> d) {
            Object schema = d.get("Schema") != null ? d.get("Schema") : d.get("schema");
            if (schema instanceof Map<?, ?> s && s.get("properties") instanceof Map<?, ?> properties) {
                return properties;
            }
        }
        return Map.of();
    }

    /** Collects the field specs of one kind, following {@code $ref}s to other definitions. */
    private static final class Builder {
        private final String kind;
        private final List<FieldSpec> annotations = new ArrayList<>();
        private final List<FieldSpec> labels = new ArrayList<>();
        private final List<FieldSpec> prefixes = new ArrayList<>();
        private final List<TransformerConfig.NameBackReference> references = new ArrayList<>();

        Builder(String kind) {
            this.kind = kind;
        }

        void load(Map<?, ?> definitions, String typeName, List<String> path, int depth) {
            if (depth > 32 || !definitions.containsKey(typeName)) {
                return;
            }
            for (Map.Entry<?, ?> p : properties(definitions.get(typeName)).entrySet()) {
                List<String> here = new ArrayList<>(path);
                here.add(String.valueOf(p.getKey()));
                Map<?, ?> property = p.getValue() instanceof Map<?, ?> m ? m : Map.of();
                String joined = String.join("/", here);
                if (property.containsKey("x-kubernetes-annotation")) {
                    annotations.add(new FieldSpec(null, null, kind, joined, false));
                }
                if (property.containsKey("x-kubernetes-label-selector")) {
                    labels.add(new FieldSpec(null, null, kind, joined, false));
                }
                if (property.containsKey("x-kubernetes-identity")) {
                    prefixes.add(new FieldSpec(null, null, kind, joined, false));
                }
                Object version = property.get("x-kubernetes-object-ref-api-version");
                Object refKind = property.get("x-kubernetes-object-ref-kind");
                if (version != null && refKind != null) {
                    Object nameKey = property.get("x-kubernetes-object-ref-name-key");
                    references.add(new TransformerConfig.NameBackReference(null, String.valueOf(version),
                            String.valueOf(refKind), List.of(new FieldSpec(null, null, kind,
                                    joined + "/" + (nameKey == null ? "name" : nameKey), false))));
                }
                if (property.get("$ref") != null) {
                    load(definitions, String.valueOf(property.get("$ref")), here, depth + 1);
                }
            }
        }

        TransformerConfig config() {
            return new TransformerConfig(Map.of("commonAnnotations", annotations, "commonLabels", labels,
                    "namePrefix", prefixes), references);
        }
    }
}
