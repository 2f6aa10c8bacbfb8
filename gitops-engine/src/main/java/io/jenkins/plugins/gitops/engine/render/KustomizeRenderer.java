package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.List;
import java.util.Map;

/**
 * A folder with a kustomization file, rendered in-process the way {@code kustomize build} would for
 * the supported keys (see {@link Kustomization#KEYS}); unsupported or unknown keys are errors, never
 * silently ignored. Variables are not substituted: kustomize has no templating.
 */
public final class KustomizeRenderer implements FormatRenderer {
    static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    @Override
    public boolean accepts(SourceTree tree, String directory) {
        return kustomizationFile(tree, directory) != null;
    }

    @Override
    public Rendering render(SourceTree tree, String directory, Environment environment, Map<String, String> variables) {
        return render(tree, directory, environment, variables, ClusterCapabilities.offline());
    }

    /** Renders with the scope of kinds that {@code capabilities} (the cluster's discovery) gives. */
    @Override
    public Rendering render(SourceTree tree, String directory, Environment environment, Map<String, String> variables,
            ClusterCapabilities capabilities) {
        KindScope scope = new KindScope(capabilities);
        List<WorkingObject> objects = KustomizeFiles.during(environment.loadRestrictor(), () -> ClusterScoped.during(scope,
                () -> OpenApiSchema.during(() -> new KustomizeBuild(tree, scope).build(directory))));
        return new Rendering(objects.stream().map(o -> Resource.ofManifest(o.manifest(), o.source())).toList(),
                List.of());
    }

    /** The kustomization file of a folder, or null; two of them is an error, as in kustomize. */
    static String kustomizationFile(SourceTree tree, String directory) {
        List<String> present = FILE_NAMES.stream().map(n -> RepoPaths.child(directory, n)).filter(tree::isFile)
                .toList();
        if (present.size() > 1) {
            throw new InvalidInputException(directory + ": found " + String.join(" and ", present)
                    + "; keep exactly one kustomization file");
        }
        return present.isEmpty() ? null : present.get(0);
    }
}
