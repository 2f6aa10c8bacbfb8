package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One kustomization file, parsed and checked: the keys the engine supports, with patch files already
 * read. Resources are kept as resolved repository paths; {@link KustomizeBuild} loads them.
 */
record Kustomization(String file, String directory, List<String> resources, String namespace, String namePrefix,
        String nameSuffix, List<LabelRule> labels, Map<String, String> commonAnnotations,
        List<ImageRewriter.Rule> images, List<Replica> replicas, List<Patch> strategicMergePatches,
        List<Patch> patches, List<Patch> json6902Patches, List<Generators.Spec> generators,
        TransformerConfigs.Files config, KustomizationExtensions extensions) {

    static final List<String> KEYS = List.of("apiVersion", "kind", "metadata", "resources", "bases", "namespace",
            "namePrefix", "nameSuffix", "commonLabels", "labels", "commonAnnotations", "images", "replicas", "patches",
            "patchesStrategicMerge", "patchesJson6902", "configMapGenerator", "secretGenerator", "generatorOptions",
            "configurations", "crds", "imageTags", "components", "replacements", "vars", "transformers", "generators",
            "openapi", "sortOptions", "buildMetadata");
    private static final List<String> UNSUPPORTED = List.of("helmCharts", "helmGlobals", "helmChartInflationGenerator",
            "validators");
    private static final Pattern REMOTE = Pattern.compile("^(https?://|git@|ssh://|github\\.com/|gitlab\\.com/).*");

    /**
     * One {@code labels} entry (or {@code commonLabels}, {@code common}): the pairs, where they go besides the
     * object's own labels, and extra field specs ({@code fields}).
     */
    record LabelRule(Map<String, String> pairs, boolean includeSelectors, boolean includeTemplates,
            boolean includeVolumeClaimTemplates, List<FieldSpec> fields, boolean common) {
    }

    record Replica(String name, long count) {
    }

    /**
     * A patch: a strategic-merge mapping or a JSON6902 list of operations, where it came from, its target (null:
     * found by the patch's own id), whether it may change the object's name or kind, and which key it came from.
     */
    record Patch(String origin, Object content, PatchTarget target, boolean allowNameChange, boolean allowKindChange,
            Source source) {
        /** The kustomization key, which decides details of how kustomize applies the patch. */
        enum Source { STRATEGIC_MERGE, PATCHES, JSON6902 }
    }

    static Kustomization read(SourceTree tree, String directory, String file) {
        Object content = SafeYaml.load(tree.read(file), file);
        if (content == null || content instanceof Map<?, ?> m && m.isEmpty()) {
            throw new InvalidInputException(file + ": kustomization.yaml is empty; list resources or remove the file");
        }
        YamlFields f = GoJsonKeys.canonical(YamlFields.of(content, file), KEYS);
        for (String key : f.raw().keySet()) {
            if (UNSUPPORTED.contains(key)) {
                throw new InvalidInputException(file + ": kustomization key '" + key + "' is not supported by the"
                        + " GitOps engine; render it with kustomize and commit the result, or use the supported keys");
            }
        }
        f.onlyKeys(KEYS);
        KustomizationExtensions extensions = KustomizationExtensions.read(tree, directory, file, f);
        List<String> resources = new ArrayList<>();
        for (String key : List.of("resources", "bases")) {
            for (String entry : f.strings(key)) {
                if (isRemote(entry)) {
                    throw new InvalidInputException(file + ": remote resource '" + entry + "' is not supported;"
                            + " copy it into the repository and refer to it by relative path");
                }
                resources.add(RepoPaths.resolve(directory, entry, file));
            }
        }
        List<LabelRule> labels = new ArrayList<>();
        for (YamlFields l : f.list("labels")) {
            l.onlyKeys(List.of("pairs", "includeSelectors", "includeTemplates", "includeVolumeClaimTemplates",
                    "fields"));
            labels.add(new LabelRule(l.stringMap("pairs"), l.bool("includeSelectors", false),
                    l.bool("includeTemplates", false), l.bool("includeVolumeClaimTemplates", false),
                    FieldSpec.list(l, "fields"), false));
        }
        if (f.has("commonLabels")) {
            labels.add(new LabelRule(f.stringMap("commonLabels"), true, true, true, List.of(), true));
        }
        PatchReader patchReader = new PatchReader(tree, directory, file);
        return new Kustomization(file, directory, resources, f.string("namespace"), f.string("namePrefix"),
                f.string("nameSuffix"), labels, f.stringMap("commonAnnotations"), images(f), replicas(f),
                patchReader.strategicMerge(f), patchReader.patches(f), patchReader.json6902(f),
                Generators.specs(f, directory), TransformerConfigs.read(tree, directory, file, f), extensions);
    }

    /** Whether a resource or component entry names a remote location (a URL or a Git repository). */
    static boolean isRemote(String entry) {
        return REMOTE.matcher(entry).matches();
    }

    private static List<ImageRewriter.Rule> images(YamlFields f) {
        List<ImageRewriter.Rule> rules = new ArrayList<>();
        for (String key : List.of("images", "imageTags")) {
            for (YamlFields i : f.list(key)) {
                i.onlyKeys(List.of("name", "newName", "newTag", "digest", "tagSuffix"));
                rules.add(new ImageRewriter.Rule(i.string("name") == null ? "" : i.string("name"), i.string("newName"),
                        i.string("newTag"), i.string("digest"), i.string("tagSuffix")));
            }
        }
        return rules;
    }

    private static List<Replica> replicas(YamlFields f) {
        List<Replica> replicas = new ArrayList<>();
        for (YamlFields r : f.list("replicas")) {
            r.onlyKeys(List.of("name", "count"));
            String count = r.requiredString("count");
            if (!count.matches("\\d{1,6}")) {
                throw new InvalidInputException(r.where() + ": count must be a whole number, found '" + count + "'");
            }
            replicas.add(new Replica(r.requiredString("name"), Integer.parseInt(count)));
        }
        return replicas;
    }
}
