package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.List;
import java.util.Map;

/**
 * One way of turning an environment folder into objects (plain YAML, kustomize, Helm, compose).
 * The first renderer that {@link #accepts} a folder renders it.
 */
public interface FormatRenderer {
    /** Whether this renderer owns the folder (a marker file such as kustomization.yaml is present). */
    boolean accepts(SourceTree tree, String directory);

    /**
     * Renders the folder. Validation is complete: a returned list is safe to apply as a whole; any
     * problem throws {@link io.jenkins.plugins.gitops.engine.InvalidInputException} naming file and object.
     */
    Rendering render(SourceTree tree, String directory, Environment environment, Map<String, String> variables);

    /**
     * As {@link #render(SourceTree, String, Environment, Map)}, for a cluster that serves {@code capabilities}
     * (Helm's {@code .Capabilities}, scope of kinds). Renderers that do not depend on the cluster ignore it.
     */
    default Rendering render(SourceTree tree, String directory, Environment environment, Map<String, String> variables,
            ClusterCapabilities capabilities) {
        return render(tree, directory, environment, variables);
    }

    /** Rendered objects plus warnings for the user. */
    record Rendering(List<Resource> resources, List<String> warnings) {
        public Rendering {
            resources = List.copyOf(resources);
            warnings = List.copyOf(warnings);
        }
    }
}
