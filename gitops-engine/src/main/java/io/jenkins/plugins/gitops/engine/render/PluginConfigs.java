package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The entries of a kustomization's {@code transformers:} or {@code generators:}: each is either inline
 * YAML (one or more plugin configurations) or a path to a file of configurations or to a kustomization
 * folder whose output are configurations. As in kustomize (kusttarget.go configureExternalTransformers),
 * all inline configurations come first, then those of the paths in order, and two configurations with
 * one id are an error.
 */
final class PluginConfigs {
    /** One entry: inline text, or a repository path; {@code where} names it in messages. */
    record Entry(String where, String inline, String path) {
    }

    private PluginConfigs() {
    }

    static List<Entry> read(String directory, String file, YamlFields f, String key) {
        List<Entry> entries = new ArrayList<>();
        List<String> values = f.strings(key);
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String where = file + ": " + key + "[" + i + "]";
            if (isInline(value, where)) {
                entries.add(new Entry(where, value, null));
            } else if (Kustomization.isRemote(value)) {
                throw new InvalidInputException(where + ": remote " + key + " '" + value + "' are not supported; copy"
                        + " the configuration into the repository and refer to it by relative path");
            } else {
                entries.add(new Entry(where, null, RepoPaths.resolve(directory, value, file)));
            }
        }
        return entries;
    }

    /** kustomize tries each entry as YAML objects first; anything else is a path. */
    private static boolean isInline(String value, String where) {
        try {
            List<Object> documents = SafeYaml.loadAll(value.getBytes(StandardCharsets.UTF_8), where);
            return !documents.isEmpty() && documents.stream().allMatch(d -> d instanceof Map);
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /**
     * The configuration objects of {@code entries} listed by {@code k}; {@code build} builds a
     * kustomization folder, {@code metadata} notes origins.
     */
    static List<WorkingObject> load(SourceTree tree, Kustomization k, List<Entry> entries,
            Function<String, ResAccumulator> build, BuildMetadata metadata) {
        ResAccumulator configs = new ResAccumulator();
        List<String> problems = new ArrayList<>();
        for (Entry e : entries) {
            if (e.inline() != null) {
                List<Object> documents = SafeYaml.loadAll(e.inline().getBytes(StandardCharsets.UTF_8), e.where());
                for (Map<String, Object> manifest : ManifestDocuments.objects(documents, e.where(), problems)) {
                    WorkingObject config = new WorkingObject(manifest, k.file(), false);
                    metadata.readFrom(config, k.file());
                    configs.append(config, e.where());
                }
            }
        }
        for (Entry e : entries) {
            if (e.path() == null) {
                continue;
            }
            if (tree.isDirectory(e.path())) {
                if (KustomizeFiles.isWithin(k.directory(), e.path())) {
                    throw new InvalidInputException(e.where() + ": '" + e.path() + "' is this kustomization's folder"
                            + " or one above it (cycle detected); list a folder below it or elsewhere");
                }
                configs.merge(build.apply(e.path()), e.where());
            } else if (tree.isFile(e.path())) {
                KustomizeFiles.requireLoadable(e.path(), k.directory(), e.where() + ": file " + e.path());
                for (Map<String, Object> manifest : ManifestDocuments.read(tree, e.path(), problems)) {
                    WorkingObject config = new WorkingObject(manifest, e.path(), false);
                    metadata.readFrom(config, e.path());
                    configs.append(config, e.where());
                }
            } else {
                problems.add(e.where() + ": " + e.path() + " not found (no such file or folder at this revision);"
                        + " fix the path");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return configs.objects();
    }
}
