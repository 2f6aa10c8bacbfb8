package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.List;

/**
 * The kustomization keys beyond resources, patches, names, labels, images and generators: {@code kind}
 * (Kustomization or Component), {@code components}, {@code replacements}, {@code vars},
 * {@code transformers}, {@code generators}, {@code openapi}, {@code sortOptions} and
 * {@code buildMetadata}, read and checked as kustomize's {@code types.Kustomization} reads them
 * (api/types/kustomization.go, EnforceFields).
 */
record KustomizationExtensions(String kind, List<String> components, List<Replacements.Replacement> replacements,
        List<Vars.Var> vars, List<PluginConfigs.Entry> transformers, List<PluginConfigs.Entry> generators,
        OpenApiSchema.Setting openapi, SortOrder sortOptions, List<String> buildMetadata, int labelTransformers) {

    static final String KUSTOMIZATION = "Kustomization";
    static final String COMPONENT = "Component";
    static final String KUSTOMIZATION_VERSION = "kustomize.config.k8s.io/v1beta1";
    static final String COMPONENT_VERSION = "kustomize.config.k8s.io/v1alpha1";
    static final List<String> KEYS = List.of("components", "replacements", "vars", "transformers", "generators",
            "openapi", "sortOptions", "buildMetadata");
    static final List<String> BUILD_METADATA = List.of("originAnnotations", "transformerAnnotations",
            "managedByLabel");

    /**
     * How many LabelTransformers kustomize configures for this file: one per {@code labels} entry plus
     * one for {@code commonLabels}, when either is given (it matters for transformer annotations).
     */
    private static int labelTransformers(YamlFields f) {
        int entries = f.raw().get("labels") instanceof List<?> l ? l.size() : 0;
        boolean common = f.raw().get("commonLabels") instanceof java.util.Map<?, ?> m && !m.isEmpty();
        return entries == 0 && !common ? 0 : entries + 1;
    }

    boolean isComponent() {
        return COMPONENT.equals(kind);
    }

    static KustomizationExtensions read(SourceTree tree, String directory, String file, YamlFields f) {
        String kind = f.string("kind") == null || f.string("kind").isEmpty() ? KUSTOMIZATION : f.string("kind");
        if (!kind.equals(KUSTOMIZATION) && !kind.equals(COMPONENT)) {
            throw new InvalidInputException(file + ": kind '" + kind + "' is not supported; kind should be "
                    + KUSTOMIZATION + " or " + COMPONENT);
        }
        String required = kind.equals(COMPONENT) ? COMPONENT_VERSION : KUSTOMIZATION_VERSION;
        String apiVersion = f.string("apiVersion");
        if (apiVersion != null && !apiVersion.isEmpty() && !apiVersion.equals(required)) {
            throw new InvalidInputException(file + ": apiVersion for " + kind + " should be " + required
                    + ", found '" + apiVersion + "'");
        }
        List<String> components = new ArrayList<>();
        for (String entry : f.strings("components")) {
            if (Kustomization.isRemote(entry)) {
                throw new InvalidInputException(file + ": remote component '" + entry + "' is not supported;"
                        + " copy it into the repository and refer to it by relative path");
            }
            components.add(RepoPaths.resolve(directory, entry, file));
        }
        List<String> buildMetadata = f.strings("buildMetadata");
        for (String option : buildMetadata) {
            if (!BUILD_METADATA.contains(option)) {
                throw new InvalidInputException(file + ": buildMetadata option '" + option + "' is unknown; known"
                        + " options are " + String.join(", ", BUILD_METADATA));
            }
        }
        return new KustomizationExtensions(kind, components, Replacements.read(tree, directory, file, f),
                Vars.read(f), PluginConfigs.read(directory, file, f, "transformers"),
                PluginConfigs.read(directory, file, f, "generators"), OpenApiSchema.read(tree, directory, file, f),
                SortOrder.read(f), buildMetadata, labelTransformers(f));
    }
}
