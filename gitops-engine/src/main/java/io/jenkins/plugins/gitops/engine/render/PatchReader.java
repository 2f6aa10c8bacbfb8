package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.render.Kustomization.Patch;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the patch entries of a kustomization as kustomize's PatchStrategicMergeTransformer, PatchTransformer
 * and PatchJson6902Transformer configure themselves: files (in or below the kustomization's folder) or
 * inline text; a mapping is a strategic merge patch (it needs kind and metadata.name, even with a target), a
 * list is a JSON6902 patch (it needs a target). An empty patch file in {@code patches} is ignored, as in
 * kustomize; an empty {@code patchesStrategicMerge} entry is an error.
 */
final class PatchReader {
    private final SourceTree tree;
    private final String directory;
    private final String file;

    PatchReader(SourceTree tree, String directory, String file) {
        this.tree = tree;
        this.directory = directory;
        this.file = file;
    }

    /** {@code patchesStrategicMerge}: paths or inline YAML, each document a patch finding its object by id. */
    List<Patch> strategicMerge(YamlFields f) {
        List<Patch> out = new ArrayList<>();
        List<String> entries = f.strings("patchesStrategicMerge");
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            List<Object> inline = inlineResources(entry);
            String origin = inline != null ? file + " patchesStrategicMerge[" + i + "]" : path(entry);
            List<Object> documents = inline != null ? inline : load(origin);
            if (documents.isEmpty()) {
                throw new InvalidInputException(origin + ": the patch is empty (patch appears to be empty); remove the"
                        + " entry or write the patch");
            }
            for (Object document : documents) {
                out.add(new Patch(origin, strategic(origin, document), null, false, false, Patch.Source.STRATEGIC_MERGE));
            }
        }
        return out;
    }

    /** {@code patches}: {path | patch, target, options}; the content decides strategic merge or JSON6902. */
    List<Patch> patches(YamlFields f) {
        List<Patch> out = new ArrayList<>();
        for (YamlFields p : f.list("patches")) {
            p.onlyKeys(List.of("path", "patch", "target", "options"));
            PatchTarget target = p.has("target") ? PatchTarget.read(p.object("target")) : null;
            boolean allowNameChange = false;
            boolean allowKindChange = false;
            if (p.has("options")) {
                YamlFields o = p.object("options");
                o.onlyKeys(List.of("allowNameChange", "allowKindChange"));
                allowNameChange = o.bool("allowNameChange", false);
                allowKindChange = o.bool("allowKindChange", false);
            }
            String inline = p.string("patch") == null ? "" : p.string("patch").strip();
            String path = p.string("path") == null ? "" : p.string("path");
            if (inline.isEmpty() == path.isEmpty()) {
                throw new InvalidInputException(p.where() + ": give exactly one of 'path' (a patch file) or 'patch'"
                        + " (inline text)");
            }
            String origin = inline.isEmpty() ? path(path) : p.where();
            List<Object> documents = inline.isEmpty() ? load(origin) : SafeYaml.loadAll(bytes(inline), origin);
            if (documents.size() == 1 && documents.get(0) instanceof List<?> ops) {
                if (target == null) {
                    throw new InvalidInputException(origin + ": a JSON6902 patch (a list of operations) needs a"
                            + " 'target' (kind and name of the object to patch)");
                }
                out.add(new Patch(origin, ops, target, false, false, Patch.Source.PATCHES));
                continue;
            }
            if (target != null && documents.size() > 1) {
                throw new InvalidInputException(origin + ": a patches entry with a target may hold only one strategic"
                        + " merge patch, found " + documents.size() + "; split it into several entries");
            }
            for (Object document : documents) {
                out.add(new Patch(origin, strategic(origin, document), target, allowNameChange, allowKindChange,
                        Patch.Source.PATCHES));
            }
        }
        return out;
    }

    /** {@code patchesJson6902}: {target, path | patch} with a list of operations. */
    List<Patch> json6902(YamlFields f) {
        List<Patch> out = new ArrayList<>();
        for (YamlFields p : f.list("patchesJson6902")) {
            p.onlyKeys(List.of("path", "patch", "target"));
            YamlFields t = p.object("target");
            if (t == null || t.string("name") == null || t.string("name").isEmpty()) {
                throw new InvalidInputException(p.where() + ": 'target' with a name is required (kind and name of the"
                        + " object to patch)");
            }
            PatchTarget target = PatchTarget.read(t);
            if (p.has("path") == p.has("patch")) {
                throw new InvalidInputException(p.where() + ": give exactly one of 'path' (a patch file) or 'patch'");
            }
            String origin = p.has("path") ? path(p.string("path")) : p.where();
            List<Object> documents = p.has("path") ? load(origin) : SafeYaml.loadAll(bytes(p.string("patch")), origin);
            if (documents.size() != 1 || !(documents.get(0) instanceof List<?> ops) || ops.isEmpty()) {
                throw new InvalidInputException(origin + ": a JSON6902 patch must be one non-empty list of operations"
                        + " such as [{op: replace, path: /spec/replicas, value: 3}]");
            }
            out.add(new Patch(origin, ops, target, false, false, Patch.Source.JSON6902));
        }
        return out;
    }

    private String path(String entry) {
        return KustomizeFiles.file(directory, entry, file);
    }

    private List<Object> load(String path) {
        if (!tree.isFile(path)) {
            throw new InvalidInputException(file + ": patch file " + path + " not found; check the path");
        }
        return SafeYaml.loadAll(tree.read(path), path);
    }

    /** The documents of a {@code patchesStrategicMerge} entry written inline, or null when it is a path. */
    private List<Object> inlineResources(String entry) {
        if (!entry.contains("\n") && !entry.contains(": ") && !entry.contains("{")) {
            return null;
        }
        try {
            List<Object> documents = SafeYaml.loadAll(bytes(entry), file);
            return documents.stream().allMatch(d -> d instanceof Map<?, ?> m && m.get("kind") != null) ? documents : null;
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> strategic(String origin, Object document) {
        if (!(document instanceof Map<?, ?>)) {
            throw new InvalidInputException(origin + ": a strategic merge patch must be a mapping, found "
                    + ManifestDocuments.describe(document) + " (unable to parse SM or JSON patch)");
        }
        Map<String, Object> patch = (Map<String, Object>) document;
        if (Manifests.string(patch, "kind") == null || Manifests.string(patch, "kind").isEmpty()
                || !(patch.get("metadata") instanceof Map<?, ?>) || Manifests.string(patch, "metadata", "name") == null) {
            throw new InvalidInputException(origin + ": a strategic merge patch needs kind and metadata.name, even"
                    + " with a target (kustomize cannot parse it otherwise)");
        }
        return patch;
    }
}
