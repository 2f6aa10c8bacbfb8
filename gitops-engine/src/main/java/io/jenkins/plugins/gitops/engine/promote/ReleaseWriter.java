package io.jenkins.plugins.gitops.engine.promote;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a release into an environment's folder, in the format the folder uses (the same order the
 * renderers try): kustomize {@code images:}, Helm values, compose {@code image:} or {@code .env},
 * or the {@code image:} of plain manifests. Only changed files are returned, and each is edited as
 * text so that the commit's diff is exactly the changed lines (see {@link YamlText}).
 *
 * <p>The caller passes the images to write (usually {@link ReleaseDiff#toWrite()}); an image the
 * folder does not use is skipped and reported rather than added, except for kustomize, where an
 * image without an {@code images:} entry gets one (the folder's manifests may live in a base
 * elsewhere, so the caller's rendered target is what says the image is used).
 */
public final class ReleaseWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseWriter.class);
    private static final Set<String> NOT_MANIFESTS = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization",
            "Chart.yaml", "Chart.yml", "helm.yaml", "gitops.yaml", "values.yaml", "values.yml");

    /** The changed files (path to new content) that make {@code environmentPath} deploy {@code release}. */
    public Map<String, byte[]> write(SourceTree tree, String environmentPath, Release release) {
        String folder = RepoPaths.normalize(environmentPath, environmentPath);
        return edit(tree, folder, folder.substring(folder.lastIndexOf('/') + 1), release).files();
    }

    /**
     * Like {@link #write(SourceTree, String, Release)}, with the environment's name (for Helm's
     * {@code values-<env>.yaml}) and the report of skipped images and notes.
     */
    public ReleaseEdit edit(SourceTree tree, String environmentPath, String environmentName, Release release) {
        String folder = RepoPaths.normalize(environmentPath, environmentPath);
        if (!tree.isDirectory(folder)) {
            throw new InvalidInputException(folder + ": folder not found at " + tree.revision()
                    + "; check `path` of environment '" + environmentName + "' in gitops.yaml");
        }
        Collector out = new Collector();
        List<ImageRef> images = release.images();
        String kustomization = kustomization(tree, folder);
        if (images.isEmpty()) {
            return out.result();
        }
        if (kustomization != null) {
            YamlText yaml = YamlText.of(TextFile.of(kustomization, tree.read(kustomization)));
            KustomizeImages.write(yaml, images, out);
            out.fileIfChanged(yaml);
        } else if (HelmImages.accepts(tree, folder)) {
            HelmImages.write(tree, folder, environmentName, images, out);
        } else if (composeFile(tree, folder) != null) {
            writeCompose(tree, folder, composeFile(tree, folder), images, out);
        } else {
            writeManifests(tree, folder, images, out);
        }
        ReleaseEdit result = out.result();
        LOG.debug("Release of {} images for {}: {} files changed, {} skipped", images.size(), folder,
                result.files().size(), result.skipped().size());
        return result;
    }

    private static void writeCompose(SourceTree tree, String folder, String file, List<ImageRef> images, Collector out) {
        String envFile = RepoPaths.child(folder, ".env");
        DotEnvText dotEnv = new DotEnvText(tree.isFile(envFile) ? TextFile.of(envFile, tree.read(envFile))
                : TextFile.absent(envFile));
        YamlText yaml = YamlText.of(TextFile.of(file, tree.read(file)));
        ComposeImages.write(yaml, dotEnv, images, out);
        out.fileIfChanged(yaml);
        if (dotEnv.changed()) {
            out.file(envFile, dotEnv.result());
        }
    }

    private static void writeManifests(SourceTree tree, String folder, List<ImageRef> images, Collector out) {
        Set<String> found = new LinkedHashSet<>();
        for (String file : manifestFiles(tree, folder)) {
            YamlText yaml = YamlText.of(TextFile.of(file, tree.read(file)));
            ManifestImages.write(yaml, images, found);
            out.fileIfChanged(yaml);
        }
        images.stream().filter(i -> !found.contains(i.name()))
                .forEach(i -> out.skip(i + ": no container in " + folder + " runs " + i.name() + ", skipped"));
    }

    /** The files the plain YAML renderer reads: *.yaml/*.yml below the folder, minus other formats and hidden entries. */
    private static List<String> manifestFiles(SourceTree tree, String folder) {
        List<String> files = new ArrayList<>();
        for (String name : tree.list(folder)) {
            String path = RepoPaths.child(folder, name);
            if (name.startsWith(".")) {
                continue;
            }
            if (tree.isDirectory(path)) {
                if (!tree.isFile(RepoPaths.child(path, "Chart.yaml")) && kustomization(tree, path) == null) {
                    files.addAll(manifestFiles(tree, path));
                }
            } else if ((name.endsWith(".yaml") || name.endsWith(".yml")) && !NOT_MANIFESTS.contains(name)
                    && !name.startsWith("values-") && !ComposeImages.FILE_NAMES.contains(name)
                    && !name.startsWith("docker-compose.") && !name.startsWith("compose.")) {
                files.add(path);
            }
        }
        files.sort(null);
        return files;
    }

    private static String kustomization(SourceTree tree, String folder) {
        List<String> found = KustomizeImages.FILE_NAMES.stream().map(n -> RepoPaths.child(folder, n))
                .filter(tree::isFile).toList();
        if (found.size() > 1) {
            throw new InvalidInputException(folder + ": found " + found + "; keep exactly one kustomization file");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static String composeFile(SourceTree tree, String folder) {
        return ComposeImages.FILE_NAMES.stream().map(n -> RepoPaths.child(folder, n)).filter(tree::isFile).findFirst()
                .orElse(null);
    }

    /** Collects changed files, skipped images and notes while the format writers run. */
    static final class Collector {
        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private final List<String> skipped = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        void file(String path, byte[] content) {
            files.put(path, content);
        }

        void fileIfChanged(YamlText yaml) {
            if (yaml.changed()) {
                files.put(yaml.path(), yaml.result());
            }
        }

        void skip(String message) {
            skipped.add(message);
        }

        void note(String message) {
            notes.add(message);
        }

        ReleaseEdit result() {
            return new ReleaseEdit(files, skipped, notes);
        }
    }
}
