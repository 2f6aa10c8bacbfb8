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

/**
 * Builds a kustomization folder as kustomize's KustTarget does (api/internal/target/kusttarget.go): its
 * resources (files, and folders that are kustomizations themselves, built first), then its generators, then
 * the built-in transformers in kustomize's order: strategic merge patches, patches, namespace, prefix, suffix,
 * labels, annotations, JSON6902 patches, replicas, images. The transformer configuration of bases travels up.
 * {@link #build} adds what kustomize does once at the top: content hashes, name references, dropping local
 * configuration ({@link KustomizeOutput}).
 */
final class KustomizeBuild {
    private static final int MAX_DEPTH = 20;

    private final SourceTree tree;
    private final KindScope scope;
    private final Deque<String> building = new ArrayDeque<>();

    /** What a kustomization has built: its objects and the transformer configuration of it and its bases. */
    record Accumulated(List<WorkingObject> objects, TransformerConfig config) {
    }

    KustomizeBuild(SourceTree tree, KindScope scope) {
        this.tree = tree;
        this.scope = scope;
    }

    /** The objects of the kustomization in {@code directory}, as {@code kustomize build} prints them. */
    List<WorkingObject> build(String directory) {
        Accumulated result = accumulate(directory);
        ContentHash.applySuffixes(result.objects());
        NameReferences.fix(result.objects(), result.config().nameReferences());
        return KustomizeOutput.finish(result.objects());
    }

    Accumulated accumulate(String directory) {
        String file = KustomizeRenderer.kustomizationFile(tree, directory);
        if (file == null) {
            throw new InvalidInputException(directory + ": folder is used as a kustomize resource but has no"
                    + " kustomization.yaml; add one listing its files, or list the files themselves");
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
        building.push(directory);
        try {
            Kustomization k = Kustomization.read(tree, directory, file);
            Accumulated resources = resources(k);
            TransformerConfig config = k.config().applyTo(resources.config(), file);
            List<WorkingObject> objects = resources.objects();
            Generators.apply(tree, k.generators(), objects, file);
            transform(k, objects, config);
            return new Accumulated(objects, config);
        } finally {
            building.pop();
        }
    }

    private void transform(Kustomization k, List<WorkingObject> objects, TransformerConfig config) {
        for (Patch patch : k.strategicMergePatches()) {
            PatchApplier.apply(objects, patch);
        }
        for (Patch patch : k.patches()) {
            PatchApplier.apply(objects, patch);
        }
        if (k.namespace() != null && !k.namespace().isEmpty()) {
            NameTransformer.namespace(objects, k.namespace(), config.get("namespace"), k.file());
        }
        NameTransformer.prefix(objects, k.namePrefix(), config.get("namePrefix"));
        NameTransformer.suffix(objects, k.nameSuffix(), config.get("nameSuffix"));
        for (LabelRule rule : k.labels()) {
            List<FieldSpec> specs = rule.common() ? config.get("commonLabels")
                    : MetadataTransformer.labelSpecs(rule, config, k.file());
            MetadataTransformer.apply(objects, rule.pairs(), specs);
        }
        MetadataTransformer.apply(objects, k.commonAnnotations(), config.get("commonAnnotations"));
        for (Patch patch : k.json6902Patches()) {
            PatchApplier.apply(objects, patch);
        }
        for (Replica replica : k.replicas()) {
            ReplicaCount.apply(objects, replica, config.get("replicas"), k.file());
        }
        ImageRewriter.apply(k.images(), objects, config.get("images"));
    }

    private Accumulated resources(Kustomization k) {
        List<WorkingObject> objects = new ArrayList<>();
        TransformerConfig config = TransformerConfig.empty();
        List<String> problems = new ArrayList<>();
        for (String resource : k.resources()) {
            if (tree.isDirectory(resource)) {
                if (KustomizeFiles.isWithin(k.directory(), resource)) {
                    throw new InvalidInputException(k.file() + ": resource '" + resource + "' is this kustomization's"
                            + " folder or one above it (cycle detected); list a folder below it or elsewhere");
                }
                Accumulated base = accumulate(resource);
                for (WorkingObject o : base.objects()) {
                    append(objects, o, k.file());
                }
                config = config.merge(base.config(), resource);
            } else if (tree.isFile(resource)) {
                if (!KustomizeFiles.isWithin(resource, k.directory())) {
                    throw new InvalidInputException(k.file() + ": resource file " + resource + " is not in or below "
                            + KustomizeFiles.display(k.directory()) + " (kustomize refuses files outside the"
                            + " kustomization's folder); move it into that folder, or make its folder a kustomization"
                            + " and list that folder instead");
                }
                for (Map<String, Object> manifest : KustomizeResources.read(tree, resource, problems)) {
                    scope.learn(manifest);
                    append(objects, new WorkingObject(manifest, resource, false), resource);
                }
            } else {
                problems.add(k.file() + ": resource " + resource + " not found (no such file or folder at this"
                        + " revision); fix the path in resources");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Accumulated(objects, config);
    }

    /** kustomize's ResMap.Append: an object whose id another already has is an error. */
    private static void append(List<WorkingObject> objects, WorkingObject object, String where) {
        ResId id = ResId.of(object);
        for (WorkingObject existing : objects) {
            if (ResId.of(existing).sameAs(id)) {
                throw new InvalidInputException(where + ": " + object.describe() + " is already defined by "
                        + existing.describe() + " (may not add resource with an already registered id); remove one"
                        + " of them or rename it in the layer that adds it");
            }
        }
        objects.add(object);
    }
}
