package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An object while kustomize transforms it: a mutable manifest, the file it came from, and what kustomize
 * keeps in its build annotations (api/resource/resource.go): the ids the object had before transformers
 * renamed it, the name prefixes and suffixes it got, and whether it still needs a content-hash suffix. These
 * never appear in the manifest.
 */
final class WorkingObject {
    private Map<String, Object> manifest;
    private String source;
    private final String originalName;
    private boolean needsHashSuffix;
    private final List<ResId> previousIds = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();
    private final List<String> suffixes = new ArrayList<>();
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

    /** The ids the object had before its current one, oldest first (kustomize's PrevIds). */
    List<ResId> previousIds() {
        return Collections.unmodifiableList(previousIds);
    }

    /** Name prefixes added so far, innermost kustomization first (kustomize's prefixes build annotation). */
    List<String> prefixes() {
        return List.copyOf(prefixes);
    }

    List<String> suffixes() {
        return List.copyOf(suffixes);
    }

    void addPrefix(String prefix) {
        if (!prefix.isEmpty()) {
            prefixes.add(prefix);
        }
    }

    void addSuffix(String suffix) {
        if (!suffix.isEmpty()) {
            suffixes.add(suffix);
        }
    }

    /**
     * Takes over what kustomize's CopyMergeMetaDataFieldsFrom keeps of {@code older} when a generator merges
     * into or replaces it: its build annotations and its source; a hash suffix only if both want one.
     */
    void inheritFrom(WorkingObject older) {
        previousIds.clear();
        previousIds.addAll(older.previousIds);
        prefixes.clear();
        prefixes.addAll(older.prefixes);
        suffixes.clear();
        suffixes.addAll(older.suffixes);
        needsHashSuffix = needsHashSuffix && older.needsHashSuffix;
        source = older.source;
    }

    /** Whether the object is cluster-scoped in the render in progress ({@link ClusterScoped}). */
    boolean isClusterScoped() {
        return ClusterScoped.isClusterScoped(group(), kind());
    }
}
