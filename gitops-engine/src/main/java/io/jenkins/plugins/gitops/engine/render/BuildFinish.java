package io.jenkins.plugins.gitops.engine.render;

import java.util.List;

/**
 * What kustomize does once every layer is built, names have their hash suffixes and references follow
 * them (api/internal/target/kusttarget.go makeCustomizedResMap, api/krusty/kustomizer.go Run): resolve
 * vars, order the objects ({@code sortOptions} of the built kustomization, else kustomize build's legacy
 * order), drop local configuration and write annotations back ({@link KustomizeOutput}), and apply or
 * remove the build metadata annotations.
 */
final class BuildFinish {
    private BuildFinish() {
    }

    static List<WorkingObject> finish(Kustomization root, BuildMetadata metadata, ResAccumulator accumulator) {
        List<WorkingObject> objects = accumulator.objects();
        accumulator.vars().resolve(objects, accumulator.config().get("varReference"));
        SortOrder order = root.extensions().sortOptions();
        List<WorkingObject> sorted = (order == null ? SortOrder.DEFAULT : order).sort(objects);
        List<WorkingObject> out = KustomizeOutput.finish(sorted);
        metadata.finish(out);
        return out;
    }
}
