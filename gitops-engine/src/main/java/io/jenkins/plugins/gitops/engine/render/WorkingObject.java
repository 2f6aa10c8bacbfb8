package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An object while kustomize transforms it: a mutable manifest, the file it came from, the name it had
 * in that file (patches may refer to either name), and whether it still needs a content-hash suffix.
 */
final class WorkingObject {
    private Map<String, Object> manifest;
    private final String source;
    private final String originalName;
    private final boolean needsHashSuffix;
    private final List<ResId> previousIds = new ArrayList<>();
    private final List<String> refVarNames = new ArrayList<>();

    WorkingObject(Map<String, Object> manifest, String source, boolean needsHashSuffix) {
        this.manifest = Manifests.mutableCopy(manifest);
        this.source = source;
        this.originalName = name();
        this.needsHashSuffix = needsHashSuffix;
    }

    Map<String, Object> manifest() {
        return manifest;
    }

    void replaceManifest(Map<String, Object> newManifest) {
        this.manifest = newManifest;
    }

    String source() {
        return source;
    }

    boolean needsHashSuffix() {
        return needsHashSuffix;
    }

    String kind() {
        return Manifests.string(manifest, "kind");
    }

    String apiVersion() {
        String v = Manifests.string(manifest, "apiVersion");
        return v == null ? "" : v;
    }

    String group() {
        return ResourceKey.groupOf(apiVersion());
    }

    String version() {
        String v = apiVersion();
        return v.substring(v.indexOf('/') + 1);
    }

    String name() {
        return Manifests.string(manifest, "metadata", "name");
    }

    String namespace() {
        return Manifests.string(manifest, "metadata", "namespace");
    }

    void rename(String newName) {
        Manifests.ensureMap(manifest, "metadata").put("name", newName);
    }

    /** Records the current id before a transformer changes name, namespace or kind (kustomize's StorePreviousId). */
    void rememberId() {
        previousIds.add(ResId.of(this));
    }

    /** The current id, then every previous one, oldest first (kustomize's MakeResIds). */
    List<ResId> ids() {
        List<ResId> ids = new ArrayList<>();
        ids.add(ResId.of(this));
        ids.addAll(previousIds);
        return ids;
    }

    /** The id the object had when it was read or generated (kustomize's OrgId). */
    ResId originalId() {
        return previousIds.isEmpty() ? ResId.of(this) : previousIds.get(0);
    }

    /** Names of the vars whose value this object provides (kustomize's refVarNames). */
    List<String> refVarNames() {
        return refVarNames;
    }

    /** Whether the object is (or was, before prefixes and suffixes) called {@code candidate}. */
    boolean isCalled(String candidate) {
        return candidate.equals(name()) || candidate.equals(originalName);
    }

    /** {@code Deployment 'web' (from environments/base/web.yaml)} for messages. */
    String describe() {
        return kind() + " '" + name() + "' (from " + source + ")";
    }
}
