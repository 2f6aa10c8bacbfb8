package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.render.Kustomization.Patch;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the patch entries of a kustomization: files or inline text, strategic merge or JSON6902. */
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
            boolean inline = entry.contains("\n") || entry.contains(": ");
            String origin = inline ? file + " patchesStrategicMerge[" + i + "]" : RepoPaths.resolve(directory, entry, file);
            for (Object document : documents(origin, inline ? entry : null)) {
                out.add(strategic(origin, document, null));
            }
        }
        return out;
    }

    /** {@code patches}: {path | patch, target}; the content decides strategic merge or JSON6902. */
    List<Patch> patches(YamlFields f) {
        List<Patch> out = new ArrayList<>();
        for (YamlFields p : f.list("patches")) {
            p.onlyKeys(List.of("path", "patch", "target", "options"));
            PatchTarget target = p.has("target") ? PatchTarget.read(p.object("target")) : null;
            String origin = origin(p);
            for (Object document : documents(origin, p.string("patch"))) {
                if (document instanceof List<?> ops) {
                    if (target == null) {
                        throw new InvalidInputException(origin + ": a JSON6902 patch (a list of operations) needs a"
                                + " 'target' (kind and name of the object to patch)");
                    }
                    out.add(new Patch(origin, ops, target));
                } else {
                    out.add(strategic(origin, document, target));
                }
            }
        }
        return out;
    }

    /** {@code patchesJson6902}: {target, path | patch} with a list of operations. */
    List<Patch> json6902(YamlFields f) {
        List<Patch> out = new ArrayList<>();
        for (YamlFields p : f.list("patchesJson6902")) {
            p.onlyKeys(List.of("path", "patch", "target"));
            if (!p.has("target")) {
                throw new InvalidInputException(p.where() + ": 'target' is required (kind and name of the object)");
            }
            PatchTarget target = PatchTarget.read(p.object("target"));
            String origin = origin(p);
            List<Object> documents = documents(origin, p.string("patch"));
            if (documents.size() != 1 || !(documents.get(0) instanceof List<?>)) {
                throw new InvalidInputException(origin + ": a JSON6902 patch must be one list of operations"
                        + " such as [{op: replace, path: /spec/replicas, value: 3}]");
            }
            out.add(new Patch(origin, documents.get(0), target));
        }
        return out;
    }

    private String origin(YamlFields p) {
        if (p.has("path") == p.has("patch")) {
            throw new InvalidInputException(p.where() + ": give exactly one of 'path' (a patch file) or 'patch' (inline)");
        }
        return p.has("path") ? RepoPaths.resolve(directory, p.string("path"), file) : p.where();
    }

    /** The YAML documents of a patch file ({@code inline == null}) or of inline text. */
    private List<Object> documents(String origin, String inline) {
        if (inline == null && !tree.isFile(origin)) {
            throw new InvalidInputException(file + ": patch file " + origin + " not found; check the path");
        }
        byte[] content = inline == null ? tree.read(origin) : inline.getBytes(StandardCharsets.UTF_8);
        List<Object> documents = SafeYaml.loadAll(content, origin);
        if (documents.isEmpty()) {
            throw new InvalidInputException(origin + ": the patch is empty");
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Patch strategic(String origin, Object document, PatchTarget target) {
        if (!(document instanceof Map<?, ?>)) {
            throw new InvalidInputException(origin + ": a strategic merge patch must be a mapping, found "
                    + ManifestDocuments.describe(document));
        }
        Map<String, Object> patch = (Map<String, Object>) document;
        if (target == null && (Manifests.string(patch, "kind") == null
                || Manifests.string(patch, "metadata", "name") == null)) {
            throw new InvalidInputException(origin + ": a strategic merge patch without 'target' needs kind and"
                    + " metadata.name to find the object it patches");
        }
        return new Patch(origin, document, target);
    }
}
