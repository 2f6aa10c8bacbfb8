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

/**
 * Builds one kustomization folder: its resources (files, and folders that are kustomizations
 * themselves, built first), then generators and transformers in kustomize's order: strategic merge
 * patches, patches, namespace, prefix/suffix, labels, annotations, JSON6902 patches, replicas, images.
 */
final class KustomizeBuild {
    private static final int MAX_DEPTH = 20;
    private static final List<String> SCALABLE = List.of("Deployment", "StatefulSet", "ReplicaSet",
            "ReplicationController");

    private final SourceTree tree;
    private final Deque<String> building = new ArrayDeque<>();

    KustomizeBuild(SourceTree tree) {
        this.tree = tree;
    }

    List<WorkingObject> build(String directory) {
        String file = KustomizeRenderer.kustomizationFile(tree, directory);
        if (file == null) {
            throw new InvalidInputException(directory + ": folder is used as a kustomize resource but has no"
                    + " kustomization.yaml; add one listing its files, or list the files themselves");
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
        building.push(directory);
        try {
            return transform(Kustomization.read(tree, directory, file));
        } finally {
            building.pop();
        }
    }

    private List<WorkingObject> transform(Kustomization k) {
        List<WorkingObject> objects = resources(k);
        Generators.apply(tree, k.generators(), objects, k.file());
        for (Patch patch : k.strategicMergePatches()) {
            PatchApplier.apply(objects, patch);
        }
        for (Patch patch : k.patches()) {
            PatchApplier.apply(objects, patch);
        }
        if (k.namespace() != null && !k.namespace().isBlank()) {
            NameTransformer.namespace(objects, k.namespace());
        }
        NameTransformer.prefixSuffix(objects, k.namePrefix(), k.nameSuffix());
        for (LabelRule rule : k.labels()) {
            objects.forEach(o -> MetadataTransformer.addLabels(o, rule));
        }
        objects.forEach(o -> MetadataTransformer.addAnnotations(o, k.commonAnnotations()));
        for (Patch patch : k.json6902Patches()) {
            PatchApplier.apply(objects, patch);
        }
        for (Replica replica : k.replicas()) {
            replicas(k, objects, replica);
        }
        objects.forEach(o -> ImageRewriter.apply(k.images(), o.manifest()));
        return objects;
    }

    private List<WorkingObject> resources(Kustomization k) {
        List<WorkingObject> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String resource : k.resources()) {
            if (tree.isDirectory(resource)) {
                objects.addAll(build(resource));
            } else if (tree.isFile(resource)) {
                for (Map<String, Object> manifest : ManifestDocuments.read(tree, resource, problems)) {
                    objects.add(new WorkingObject(manifest, resource, false));
                }
            } else {
                problems.add(k.file() + ": resource " + resource + " not found (no such file or folder at this"
                        + " revision); fix the path in resources");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return objects;
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
