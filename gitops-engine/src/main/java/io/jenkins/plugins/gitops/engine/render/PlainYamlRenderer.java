package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A folder of Kubernetes manifests: every {@code *.yaml}/{@code *.yml} file below it, in sorted path
 * order and then document order. Files that belong to other formats (kustomization, Helm chart and
 * values, compose) and hidden entries are skipped; a subfolder holding a Helm chart or kustomization
 * is skipped as a whole with a warning, since its files are not plain manifests. Accepts any folder,
 * so it goes last.
 */
public final class PlainYamlRenderer implements FormatRenderer {
    private static final Set<String> OTHER_FORMAT_FILES = Set.of("kustomization.yaml", "kustomization.yml",
            "Kustomization", "Chart.yaml", "Chart.yml", "helm.yaml", "gitops.yaml", "values.yaml", "values.yml",
            "compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");

    @Override
    public boolean accepts(SourceTree tree, String directory) {
        return tree.isDirectory(directory);
    }

    @Override
    public Rendering render(SourceTree tree, String directory, Environment environment, Map<String, String> variables) {
        List<String> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        collect(tree, directory, files, warnings, true);
        files.sort(null);
        List<String> problems = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        for (String file : files) {
            for (Map<String, Object> object : ManifestDocuments.read(tree, file, problems)) {
                resources.add(Resource.ofManifest(object, file));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (files.isEmpty()) {
            warnings.add(directory + ": no *.yaml or *.yml files; the environment has no objects");
        }
        return new Rendering(resources, warnings);
    }

    private static void collect(SourceTree tree, String directory, List<String> files, List<String> warnings,
            boolean top) {
        if (!top && isOtherFormat(tree, directory)) {
            warnings.add(directory + ": skipped; it holds a Helm chart or kustomization, which a plain YAML folder"
                    + " does not render (point an environment's path at it instead)");
            return;
        }
        for (String name : tree.list(directory)) {
            String path = RepoPaths.child(directory, name);
            if (name.startsWith(".")) {
                continue;
            }
            if (tree.isDirectory(path)) {
                collect(tree, path, files, warnings, false);
            } else if (isManifestFile(name)) {
                files.add(path);
            }
        }
    }

    private static boolean isOtherFormat(SourceTree tree, String directory) {
        return tree.isFile(RepoPaths.child(directory, "Chart.yaml"))
                || KustomizeRenderer.kustomizationFile(tree, directory) != null;
    }

    static boolean isManifestFile(String name) {
        if (!(name.endsWith(".yaml") || name.endsWith(".yml")) || OTHER_FORMAT_FILES.contains(name)) {
            return false;
        }
        return !name.startsWith("values-") && !name.startsWith("docker-compose.") && !name.startsWith("compose.");
    }
}
