package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.render.Kustomization.LabelRule;
import io.jenkins.plugins.gitops.engine.render.Kustomization.Patch;
import io.jenkins.plugins.gitops.engine.render.Kustomization.Replica;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds a kustomization folder as kustomize's KustTarget does (api/internal/target/kusttarget.go): its
 * resources (files, and folders that are kustomizations themselves, built first), generators, components,
 * then the built-in transformers in kustomize's order (strategic merge patches, patches, namespace, prefix,
 * suffix, labels, annotations, JSON6902 patches, replicas, images, replacements) and the transformers it
 * lists; then its vars are noted. The transformer configuration of bases travels up. {@link #render} adds
 * what kustomize does once at the top: content hashes, name references, vars, local configuration, order
 * ({@link BuildFinish}).
 */
final class KustomizeBuild {
    private static final int MAX_DEPTH = 20;

    private final SourceTree tree;
    private final KindScope scope;
    private final Deque<String> building = new ArrayDeque<>();
    private Kustomization root;
    private BuildMetadata metadata;

    KustomizeBuild(SourceTree tree, KindScope scope) {
        this.tree = tree;
        this.scope = scope;
    }

    /** The objects of the kustomization in {@code directory}, as {@code kustomize build} prints them. */
    List<WorkingObject> render(String directory) {
        ResAccumulator result = build(directory);
        ContentHash.applySuffixes(result.objects());
        NameReferences.fix(result.objects(), result.config().nameReferences());
        return BuildFinish.finish(this, result);
    }

    /** Builds the kustomization in {@code directory} (the environment's folder or a base it lists). */
    ResAccumulator build(String directory) {
        boolean isRoot = building.isEmpty();
        return within(directory, "resource", k -> {
            // the built folder itself may be a Component (kustomize only checks folders it is pointed to)
            if (k.extensions().isComponent() && !isRoot) {
                throw new InvalidInputException(k.file() + ": a kustomization of kind Component cannot be used as"
                        + " a resource; list " + directory + " under components instead");
            }
            ResAccumulator accumulator = new ResAccumulator();
            accumulate(k, accumulator);
            return accumulator;
        });
    }

    /** The kustomization that was built (the first one read). */
    Kustomization root() {
        return root;
    }

    /** The buildMetadata of the built kustomization, which applies to every layer. */
    BuildMetadata metadata() {
        return metadata;
    }

    /**
     * kustomize's accumulateTarget: resources, the transformer configuration, generators, then components
     * (each adding to this same accumulator), then transformers, then vars.
     */
    private void accumulate(Kustomization k, ResAccumulator accumulator) {
        resources(k, accumulator);
        accumulator.config(k.config().applyTo(accumulator.config(), k.file()));
        List<WorkingObject> objects = accumulator.objects();
        Generators.apply(tree, k.generators(), objects, k.file());
        metadata.generated(objects, k.file(), k.generators());
        BuiltinPlugins plugins = new BuiltinPlugins(tree, k);
        for (WorkingObject config : PluginConfigs.load(tree, k, k.extensions().generators(), this::build, metadata)) {
            String kind = plugins.kindOf(config, "generators");
            List<Generators.Spec> specs = PluginGenerators.generate(tree, k, config, kind, accumulator);
            metadata.generatedByConfig(objects, specs, config);
        }
        for (String component : k.extensions().components()) {
            component(k, component, accumulator);
        }
        transform(k, objects, accumulator.config());
        accumulator.vars().merge(k.extensions().vars(), objects, k.file());
    }

    private void component(Kustomization parent, String directory, ResAccumulator accumulator) {
        if (!tree.isDirectory(directory)) {
            throw new InvalidInputException(parent.file() + ": component " + directory + " is not a folder; a"
                    + " component is a folder whose kustomization file has kind: Component");
        }
        within(directory, "component", k -> {
            if (!k.extensions().isComponent()) {
                throw new InvalidInputException(k.file() + ": expected kind 'Component' for path '" + directory
                        + "' but got '" + k.extensions().kind() + "'; a folder listed under components of "
                        + parent.file() + " must be a Component");
            }
            accumulate(k, accumulator);
            return accumulator;
        });
    }

    /** Reads the kustomization of {@code directory} and runs {@code body}, refusing cycles and deep nesting. */
    private ResAccumulator within(String directory, String role, Function<Kustomization, ResAccumulator> body) {
        String file = KustomizeRenderer.kustomizationFile(tree, directory);
        if (file == null) {
            throw new InvalidInputException(directory + ": folder is used as a kustomize " + role + " but has no"
                    + " kustomization.yaml; add one" + (role.equals("resource") ? " listing its files, or list the"
                    + " files themselves" : " with kind: Component"));
        }
        if (building.contains(directory)) {
            List<String> chain = new ArrayList<>(building);
            Collections.reverse(chain);
            chain.add(directory);
            throw new InvalidInputException(file + ": kustomization cycle " + String.join(" -> ", chain)
                    + "; a kustomization cannot include itself");
        }
        if (building.size() >= MAX_DEPTH) {
            throw new InvalidInputException(file + ": kustomizations nest more than " + MAX_DEPTH + " levels deep");
        }
        Kustomization k = Kustomization.read(tree, directory, file);
        if (root == null) {
            root = k;
            metadata = new BuildMetadata(directory, k.extensions().buildMetadata());
        }
        building.push(directory);
        try {
            return body.apply(k);
        } finally {
            building.pop();
        }
    }

    /** The built-in transformers in kustomize's order, each noted in the transformer annotations when asked. */
    private void transform(Kustomization k, List<WorkingObject> objects, TransformerConfig config) {
        String file = k.file();
        if (!k.strategicMergePatches().isEmpty()) {
            for (Patch patch : k.strategicMergePatches()) {
                PatchApplier.apply(objects, patch);
            }
            metadata.transformed(objects, file, "PatchStrategicMergeTransformer");
        }
        for (Patch patch : k.patches()) {
            PatchApplier.apply(objects, patch);
            metadata.transformed(objects, file, "PatchTransformer");
        }
        if (k.namespace() != null && !k.namespace().isEmpty()) {
            NameTransformer.namespace(objects, k.namespace(), config.get("namespace"), file);
            metadata.transformed(objects, file, "NamespaceTransformer");
        }
        if (k.namePrefix() != null && !k.namePrefix().isEmpty()) {
            NameTransformer.prefix(objects, k.namePrefix(), config.get("namePrefix"));
            metadata.transformed(objects, file, "PrefixTransformer");
        }
        if (k.nameSuffix() != null && !k.nameSuffix().isEmpty()) {
            NameTransformer.suffix(objects, k.nameSuffix(), config.get("nameSuffix"));
            metadata.transformed(objects, file, "SuffixTransformer");
        }
        for (LabelRule rule : k.labels()) {
            List<FieldSpec> specs = rule.common() ? config.get("commonLabels")
                    : MetadataTransformer.labelSpecs(rule, config, file);
            MetadataTransformer.apply(objects, rule.pairs(), specs);
        }
        for (int i = 0; i < k.extensions().labelTransformers(); i++) {
            metadata.transformed(objects, file, "LabelTransformer");
        }
        if (!k.commonAnnotations().isEmpty()) {
            MetadataTransformer.apply(objects, k.commonAnnotations(), config.get("commonAnnotations"));
            metadata.transformed(objects, file, "AnnotationsTransformer");
        }
        for (Patch patch : k.json6902Patches()) {
            PatchApplier.apply(objects, patch);
            metadata.transformed(objects, file, "PatchJson6902Transformer");
        }
        for (Replica replica : k.replicas()) {
            ReplicaCount.apply(objects, replica, config.get("replicas"), file);
            metadata.transformed(objects, file, "ReplicaCountTransformer");
        }
        for (ImageRewriter.Rule rule : k.images()) {
            ImageRewriter.apply(List.of(rule), objects, config.get("images"));
            metadata.transformed(objects, file, "ImageTagTransformer");
        }
        if (!k.extensions().replacements().isEmpty()) {
            Replacements.apply(k.extensions().replacements(), objects);
            metadata.transformed(objects, file, "ReplacementTransformer");
        }
        BuiltinPlugins plugins = new BuiltinPlugins(tree, k);
        for (WorkingObject plugin : PluginConfigs.load(tree, k, k.extensions().transformers(), this::build, metadata)) {
            plugins.transform(plugin, objects);
            metadata.transformedByConfig(objects, plugin);
        }
    }

    private void resources(Kustomization k, ResAccumulator accumulator) {
        List<String> problems = new ArrayList<>();
        for (String resource : k.resources()) {
            if (tree.isDirectory(resource)) {
                if (KustomizeFiles.isWithin(k.directory(), resource)) {
                    throw new InvalidInputException(k.file() + ": resource '" + resource + "' is this kustomization's"
                            + " folder or one above it (cycle detected); list a folder below it or elsewhere");
                }
                accumulator.merge(build(resource), k.file());
            } else if (tree.isFile(resource)) {
                if (!KustomizeFiles.isWithin(resource, k.directory())) {
                    throw new InvalidInputException(k.file() + ": resource file " + resource + " is not in or below "
                            + KustomizeFiles.display(k.directory()) + " (kustomize refuses files outside the"
                            + " kustomization's folder); move it into that folder, or make its folder a kustomization"
                            + " and list that folder instead");
                }
                for (Map<String, Object> manifest : KustomizeResources.read(tree, resource, problems)) {
                    scope.learn(manifest);
                    WorkingObject object = new WorkingObject(manifest, resource, false);
                    metadata.readFrom(object, resource);
                    accumulator.append(object, k.file());
                }
            } else {
                problems.add(k.file() + ": resource " + resource + " not found (no such file or folder at this"
                        + " revision); fix the path in resources");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
