package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.List;

/**
 * What kustomize does once every layer is built and names have their hash suffixes
 * (api/internal/target/kusttarget.go makeCustomizedResMap, api/krusty/kustomizer.go Run): resolve vars,
 * drop objects marked {@code config.kubernetes.io/local-config} (other than {@code "false"}), order the
 * objects ({@code sortOptions} of the built kustomization, else kustomize build's legacy order), apply or
 * remove the build metadata annotations, and write annotations and base64 values as {@link KustomizeOutput}
 * says.
 */
final class BuildFinish {
    static final String LOCAL_CONFIG = "config.kubernetes.io/local-config";

    private BuildFinish() {
    }

    static List<WorkingObject> finish(KustomizeBuild build, ResAccumulator accumulator) {
        List<WorkingObject> objects = accumulator.objects();
        accumulator.vars().resolve(objects, accumulator.config().get("varReference"));
        objects.removeIf(o -> {
            Object local = Manifests.get(o.manifest(), "metadata", "annotations", LOCAL_CONFIG);
            return local != null && !"false".equals(String.valueOf(local));
        });
        SortOrder order = build.root().extensions().sortOptions();
        List<WorkingObject> sorted = (order == null ? SortOrder.DEFAULT : order).sort(objects);
        build.metadata().finish(sorted);
        KustomizeOutput.finish(sorted);
        return sorted;
    }
}
