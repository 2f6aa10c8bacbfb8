package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
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
 * resources (files, and folders that are kustomizations themselves, built first), its generators (built-in
 * and {@code generators:}), its components (each adding to the same accumulator), then its transformers
 * ({@link KustomizationTransformers}) and vars. The transformer configuration and vars of bases travel up.
 * {@link #build} adds what kustomize does once at the top: content hashes, name references, vars, dropping
 * local configuration, ordering and build metadata ({@link BuildFinish}).
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
    List<WorkingObject> build(String directory) {
        ResAccumulator result = accumulate(directory);
        ContentHash.applySuffixes(result.objects());
        NameReferences.fix(result.objects(), result.config().nameReferences());
        return BuildFinish.finish(this, result);
    }

    /** The kustomization that was built (the first one read). */
    Kustomization root() {
        return root;
    }

    /** The buildMetadata of the built kustomization, which applies to every layer. */
    BuildMetadata metadata() {
        return metadata;
    }

    /** Accumulates the kustomization in {@code directory} (the built folder or a base it lists). */
    ResAccumulator accumulate(String directory) {
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

    /**
     * kustomize's accumulateTarget: resources, configuration, generators, then components (each adding to
     * this same accumulator), then transformers, then vars.
     */
    private void accumulate(Kustomization k, ResAccumulator accumulator) {
        resources(k, accumulator);
        accumulator.config(k.config().applyTo(accumulator.config(), k.file()));
        List<WorkingObject> objects = accumulator.objects();
        Generators.apply(tree, k.generators(), objects, k.file());
        metadata.generated(objects, k.file(), k.generators());
        BuiltinPlugins plugins = new BuiltinPlugins(tree, k);
        for (WorkingObject config : PluginConfigs.load(tree, k, k.extensions().generators(), this::accumulate,
                metadata)) {
            String kind = plugins.kindOf(config, "generators");
            List<Generators.Spec> specs = PluginGenerators.generate(tree, k, config, kind, accumulator);
            metadata.generatedByConfig(objects, specs, config);
        }
        for (String component : k.extensions().components()) {
            component(k, component, accumulator);
        }
        KustomizationTransformers.run(k, objects, accumulator.config(), metadata);
        for (WorkingObject config : PluginConfigs.load(tree, k, k.extensions().transformers(), this::accumulate,
                metadata)) {
            plugins.transform(config, objects);
            metadata.transformedByConfig(objects, config);
        }
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
        OpenApiSchema.offer(k.extensions().openapi());
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

    private void resources(Kustomization k, ResAccumulator accumulator) {
        List<String> problems = new ArrayList<>();
        for (String resource : k.resources()) {
            if (tree.isDirectory(resource)) {
                if (KustomizeFiles.isWithin(k.directory(), resource)) {
                    throw new InvalidInputException(k.file() + ": resource '" + resource + "' is this kustomization's"
                            + " folder or one above it (cycle detected); list a folder below it or elsewhere");
                }
                accumulator.merge(accumulate(resource), k.file());
            } else if (tree.isFile(resource)) {
                KustomizeFiles.requireLoadable(resource, k.directory(), k.file() + ": resource file " + resource);
                for (Map<String, Object> manifest : KustomizeResources.read(tree, resource, problems)) {
                    scope.learn(manifest);
                    OpenApiSchema.objectsRead();
                    WorkingObject object = new WorkingObject(manifest, resource, false);
                    metadata.readFrom(object, resource);
                    accumulator.append(object, resource);
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
