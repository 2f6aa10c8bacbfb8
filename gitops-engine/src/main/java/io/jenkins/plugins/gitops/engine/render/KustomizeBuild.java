package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.render.Kustomization.LabelRule;
import io.jenkins.plugins.gitops.engine.render.Kustomization.Patch;
import io.jenkins.plugins.gitops.engine.render.Kustomization.Replica;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds one kustomization folder: its resources (files, and folders that are kustomizations
 * themselves, built first), generators, components, then transformers in kustomize's order: strategic
 * merge patches, patches, namespace, prefix/suffix, labels, annotations, JSON6902 patches, replicas,
 * images, replacements; then its vars are noted for {@link Vars#resolve} at the end of the build.
 */
final class KustomizeBuild {
    private static final int MAX_DEPTH = 20;
    private static final List<String> SCALABLE = List.of("Deployment", "StatefulSet", "ReplicaSet",
            "ReplicationController");

    private final SourceTree tree;
    private final Deque<String> building = new ArrayDeque<>();
    private Kustomization root;
    private BuildMetadata metadata;

    KustomizeBuild(SourceTree tree) {
        this.tree = tree;
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
     * kustomize's accumulateTarget: resources, generators, then components (each adding to this same
     * accumulator), then transformers, then vars (api/internal/target/kusttarget.go).
     */
    private void accumulate(Kustomization k, ResAccumulator accumulator) {
        resources(k, accumulator);
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
        transform(k, objects);
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
            java.util.Collections.reverse(chain);
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
    private void transform(Kustomization k, List<WorkingObject> objects) {
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
        if (k.namespace() != null && !k.namespace().isBlank()) {
            NameTransformer.namespace(objects, k.namespace());
            metadata.transformed(objects, file, "NamespaceTransformer");
        }
        NameTransformer.prefixSuffix(objects, k.namePrefix(), k.nameSuffix());
        if (k.namePrefix() != null && !k.namePrefix().isEmpty()) {
            metadata.transformed(objects, file, "PrefixTransformer");
        }
        if (k.nameSuffix() != null && !k.nameSuffix().isEmpty()) {
            metadata.transformed(objects, file, "SuffixTransformer");
        }
        for (LabelRule rule : k.labels()) {
            objects.forEach(o -> MetadataTransformer.addLabels(o, rule));
        }
        for (int i = 0; i < k.extensions().labelTransformers(); i++) {
            metadata.transformed(objects, file, "LabelTransformer");
        }
        objects.forEach(o -> MetadataTransformer.addAnnotations(o, k.commonAnnotations()));
        if (!k.commonAnnotations().isEmpty()) {
            metadata.transformed(objects, file, "AnnotationsTransformer");
        }
        for (Patch patch : k.json6902Patches()) {
            PatchApplier.apply(objects, patch);
            metadata.transformed(objects, file, "PatchJson6902Transformer");
        }
        for (Replica replica : k.replicas()) {
            replicas(k, objects, replica);
            metadata.transformed(objects, file, "ReplicaCountTransformer");
        }
        objects.forEach(o -> ImageRewriter.apply(k.images(), o.manifest()));
        k.images().forEach(i -> metadata.transformed(objects, file, "ImageTagTransformer"));
        if (!k.extensions().replacements().isEmpty()) {
            Replacements.apply(k.extensions().replacements(), objects);
            metadata.transformed(objects, file, "ReplacementTransformer");
        }
        BuiltinPlugins plugins = new BuiltinPlugins(tree, k);
        for (WorkingObject config : PluginConfigs.load(tree, k, k.extensions().transformers(), this::build, metadata)) {
            plugins.transform(config, objects);
            metadata.transformedByConfig(objects, config);
        }
    }

    private void resources(Kustomization k, ResAccumulator accumulator) {
        List<String> problems = new ArrayList<>();
        for (String resource : k.resources()) {
            if (tree.isDirectory(resource)) {
                accumulator.merge(build(resource), k.file());
            } else if (tree.isFile(resource)) {
                for (Map<String, Object> manifest : ManifestDocuments.read(tree, resource, problems)) {
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

    private static void replicas(Kustomization k, List<WorkingObject> objects, Replica replica) {
        boolean found = false;
        for (WorkingObject o : objects) {
            if (SCALABLE.contains(o.kind()) && o.isCalled(replica.name())) {
                Manifests.ensureMap(o.manifest(), "spec").put("replicas", replica.count());
                found = true;
            }
        }
        if (!found) {
            throw new InvalidInputException(k.file() + ": replicas: no Deployment, StatefulSet or ReplicaSet named '"
                    + replica.name() + "'");
        }
    }
}
