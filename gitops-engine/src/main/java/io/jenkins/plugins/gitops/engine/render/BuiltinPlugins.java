package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one object of a kustomization's {@code transformers:} or {@code generators:} list: a configuration
 * of one of kustomize's built-in plugins ({@code apiVersion: builtin}, api/internal/plugins/builtinhelpers),
 * read as kustomize reads it (keys in any case) and carried out by the engine's own transformers. Exec,
 * Go and KRM-function plugins are refused, and so is Helm inflation. Paths in a configuration are relative
 * to the kustomization that lists it, as in kustomize.
 */
final class BuiltinPlugins {
    private static final Logger LOG = LoggerFactory.getLogger(BuiltinPlugins.class);
    static final List<String> TRANSFORMERS = List.of("AnnotationsTransformer", "ImageTagTransformer",
            "LabelTransformer", "NamespaceTransformer", "PatchJson6902Transformer", "PatchStrategicMergeTransformer",
            "PatchTransformer", "PrefixSuffixTransformer", "PrefixTransformer", "SuffixTransformer",
            "ReplacementTransformer", "ReplicaCountTransformer");
    static final List<String> GENERATORS = List.of("ConfigMapGenerator", "SecretGenerator", "IAMPolicyGenerator");
    private static final List<String> OBJECT_KEYS = List.of("apiVersion", "kind", "metadata");

    private final SourceTree tree;
    private final Kustomization k;

    /** For the plugins listed by {@code k}. */
    BuiltinPlugins(SourceTree tree, Kustomization k) {
        this.tree = tree;
        this.k = k;
    }

    /** Checks that {@code config} is a built-in plugin of the list {@code key} (transformers or generators). */
    String kindOf(WorkingObject config, String key) {
        String where = k.file() + ": " + key + ": " + config.describe();
        if (!"builtin".equals(config.apiVersion())) {
            throw new InvalidInputException(where + ": only kustomize's built-in plugins (apiVersion: builtin) are"
                    + " supported; exec, Go and KRM-function plugins are not: render this kustomization with kustomize"
                    + " and commit the result, or use a built-in "
                    + (key.equals("generators") ? "generator" : "transformer"));
        }
        String kind = config.kind();
        boolean transformer = TRANSFORMERS.contains(kind);
        boolean generator = GENERATORS.contains(kind);
        if (kind.equals("HashTransformer") || kind.equals("ValueAddTransformer")) {
            throw new InvalidInputException(where + ": the built-in " + kind + " is not supported by the GitOps"
                    + " engine; render this kustomization with kustomize and commit the result");
        }
        if (kind.equals("HelmChartInflationGenerator")) {
            throw new InvalidInputException(where + ": Helm chart inflation is not supported in a kustomization; use"
                    + " a Helm chart folder for the environment instead");
        }
        if (!transformer && !generator) {
            throw new InvalidInputException(where + ": unable to load builtin " + kind + "; the built-in plugins are "
                    + String.join(", ", TRANSFORMERS) + ", " + String.join(", ", GENERATORS));
        }
        if (key.equals("transformers") && !transformer) {
            throw new InvalidInputException(where + ": plugin " + kind + " is a generator, not a transformer; list it"
                    + " under generators");
        }
        if (key.equals("generators") && !generator) {
            throw new InvalidInputException(where + ": plugin " + kind + " is a transformer, not a generator; list it"
                    + " under transformers");
        }
        return kind;
    }

    /** Runs the transformer configured by {@code config} on {@code objects}. */
    void transform(WorkingObject config, List<WorkingObject> objects) {
        String kind = kindOf(config, "transformers");
        String where = k.file() + ": transformers: " + config.describe();
        YamlFields c = lenient(new YamlFields(config.manifest(), where), keysOf(kind));
        switch (kind) {
            case "LabelTransformer" -> MetadataTransformer.apply(objects, c.stringMap("labels"), fieldSpecs(c));
            case "AnnotationsTransformer" -> MetadataTransformer.apply(objects, c.stringMap("annotations"),
                    fieldSpecs(c));
            case "PrefixSuffixTransformer", "PrefixTransformer", "SuffixTransformer" -> {
                List<FieldSpec> specs = fieldSpecs(c);
                if (!c.has("fieldSpecs")) {
                    throw new InvalidInputException(where + ": fieldSpecs is not expected to be nil");
                }
                if (!kind.equals("SuffixTransformer")) {
                    NameTransformer.prefix(objects, c.string("prefix"), specs);
                }
                if (!kind.equals("PrefixTransformer")) {
                    NameTransformer.suffix(objects, c.string("suffix"), specs);
                }
            }
            case "NamespaceTransformer" -> namespace(c, objects);
            case "ImageTagTransformer" -> {
                YamlFields i = c.object("imageTag") == null ? new YamlFields(Map.of(), where) : c.object("imageTag");
                i = lenient(i, List.of("name", "newName", "newTag", "digest", "tagSuffix"));
                ImageRewriter.apply(List.of(new ImageRewriter.Rule(orEmpty(i.string("name")), i.string("newName"),
                        i.string("newTag"), i.string("digest"), i.string("tagSuffix"))), objects, fieldSpecs(c));
            }
            case "ReplicaCountTransformer" -> {
                YamlFields r = c.object("replica") == null ? new YamlFields(Map.of(), where) : c.object("replica");
                r = lenient(r, List.of("name", "count"));
                String count = r.string("count") == null ? "0" : r.string("count");
                if (!count.matches("\\d{1,18}")) {
                    throw new InvalidInputException(r.where() + ": count must be a whole number, found '" + count
                            + "'");
                }
                ReplicaCount.apply(objects, new Kustomization.Replica(orEmpty(r.string("name")),
                        Long.parseLong(count)), fieldSpecs(c), where);
            }
            case "ReplacementTransformer" -> {
                List<Replacements.Replacement> replacements = new ArrayList<>();
                for (YamlFields entry : c.list("replacements")) {
                    replacements.addAll(Replacements.entries(tree, k.directory(), k.file(), entry));
                }
                Replacements.apply(replacements, objects);
            }
            default -> patches(kind, c, objects);
        }
    }

    private void namespace(YamlFields c, List<WorkingObject> objects) {
        YamlFields metadata = c.object("metadata");
        String namespace = metadata == null ? "" : orEmpty(metadata.string("namespace"));
        String subjects = c.string("setRoleBindingSubjects") == null || c.string("setRoleBindingSubjects").isEmpty()
                ? "defaultOnly" : c.string("setRoleBindingSubjects");
        if (!List.of("defaultOnly", "none", "allServiceAccounts").contains(subjects)) {
            throw new InvalidInputException(c.where() + ": invalid value \"" + subjects
                    + "\" for setRoleBindingSubjects:"
                    + " must be one of \"defaultOnly\", \"none\" or \"allServiceAccounts\"");
        }
        NameTransformer.namespace(objects, namespace, fieldSpecs(c), c.where(), c.bool("unsetOnly", false), subjects);
    }

    /** The patch transformers, through the same reader and applier as a kustomization's patches. */
    private void patches(String kind, YamlFields c, List<WorkingObject> objects) {
        PatchReader reader = new PatchReader(tree, k.directory(), k.file());
        Map<String, Object> entry = new LinkedHashMap<>();
        List<Kustomization.Patch> patches;
        switch (kind) {
            case "PatchTransformer" -> {
                for (String key : List.of("path", "patch", "target", "options")) {
                    if (c.has(key)) {
                        entry.put(key, c.raw().get(key));
                    }
                }
                patches = reader.patches(new YamlFields(Map.of("patches", List.of(entry)), c.where()));
            }
            case "PatchJson6902Transformer" -> {
                for (String key : List.of("path", "target")) {
                    if (c.has(key)) {
                        entry.put(key, c.raw().get(key));
                    }
                }
                if (c.has("jsonOp")) {
                    entry.put("patch", c.raw().get("jsonOp"));
                }
                patches = reader.json6902(new YamlFields(Map.of("patchesJson6902", List.of(entry)), c.where()));
            }
            default -> {
                List<Object> all = new ArrayList<>(c.strings("paths"));
                if (c.has("patches")) {
                    all.add(c.string("patches"));
                }
                if (all.isEmpty()) {
                    throw new InvalidInputException(c.where() + ": empty file path and empty patch content");
                }
                patches = reader.strategicMerge(new YamlFields(Map.of("patchesStrategicMerge", all), c.where()));
            }
        }
        for (Kustomization.Patch patch : patches) {
            PatchApplier.apply(objects, patch);
        }
    }

    /** The keys a configuration of {@code kind} may have (besides apiVersion, kind and metadata). */
    static List<String> keysOf(String kind) {
        List<String> own = switch (kind) {
            case "LabelTransformer" -> List.of("labels", "fieldSpecs");
            case "AnnotationsTransformer" -> List.of("annotations", "fieldSpecs");
            case "PrefixSuffixTransformer" -> List.of("prefix", "suffix", "fieldSpecs");
            case "PrefixTransformer" -> List.of("prefix", "fieldSpecs");
            case "SuffixTransformer" -> List.of("suffix", "fieldSpecs");
            case "NamespaceTransformer" -> List.of("fieldSpecs", "unsetOnly", "setRoleBindingSubjects");
            case "ImageTagTransformer" -> List.of("imageTag", "fieldSpecs");
            case "ReplicaCountTransformer" -> List.of("replica", "fieldSpecs");
            case "ReplacementTransformer" -> List.of("replacements");
            case "PatchTransformer" -> List.of("path", "patch", "target", "options");
            case "PatchJson6902Transformer" -> List.of("path", "jsonOp", "target");
            case "PatchStrategicMergeTransformer" -> List.of("paths", "patches");
            case "ConfigMapGenerator", "SecretGenerator" -> List.of("name", "namespace", "behavior", "literals",
                    "files", "envs", "env", "type", "options");
            case "IAMPolicyGenerator" -> List.of("cloud", "kubernetesService", "serviceAccount");
            default -> List.of();
        };
        List<String> keys = new ArrayList<>(OBJECT_KEYS);
        keys.addAll(own);
        return keys;
    }

    /**
     * {@code f} with keys spelled as {@code known} (any case, as Go's JSON); other keys are ignored with a
     * warning, as kustomize's non-strict reading of plugin configurations ignores them.
     */
    static YamlFields lenient(YamlFields f, List<String> known) {
        YamlFields c = GoJsonKeys.canonical(f, known);
        List<String> unknown = c.raw().keySet().stream().filter(key -> !known.contains(key)).toList();
        if (unknown.isEmpty()) {
            return c;
        }
        LOG.warn("{}: ignoring unknown keys {} (kustomize ignores them too)", f.where(), unknown);
        Map<String, Object> kept = new LinkedHashMap<>(c.raw());
        unknown.forEach(kept::remove);
        return new YamlFields(kept, f.where());
    }

    /** The {@code fieldSpecs} of a configuration, read leniently. */
    static List<FieldSpec> fieldSpecs(YamlFields c) {
        List<FieldSpec> specs = new ArrayList<>();
        for (YamlFields raw : c.list("fieldSpecs")) {
            YamlFields s = lenient(raw, List.of("group", "version", "kind", "path", "create"));
            specs.add(new FieldSpec(s.string("group"), s.string("version"), s.string("kind"), orEmpty(s.string("path")),
                    s.bool("create", false)));
        }
        return specs;
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The configuration's own fields as a generator entry, with {@code name}/{@code namespace} from metadata. */
    static Map<String, Object> generatorArgs(YamlFields c) {
        Map<String, Object> args = new LinkedHashMap<>(c.raw());
        OBJECT_KEYS.forEach(args::remove);
        for (String key : List.of("name", "namespace")) {
            Object value = args.get(key);
            if (value == null || String.valueOf(value).isEmpty()) {
                Object fromMetadata = Manifests.get(c.raw(), "metadata", key);
                if (fromMetadata != null) {
                    args.put(key, fromMetadata);
                } else {
                    args.remove(key);
                }
            }
        }
        return args;
    }
}
