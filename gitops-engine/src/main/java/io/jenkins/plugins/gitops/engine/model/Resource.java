package io.jenkins.plugins.gitops.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One object as plain data: its manifest (a Kubernetes object, or a Swarm service/network/config/
 * secret spec in Docker API form) and, for desired objects, the repository file it came from.
 * The manifest is deep-copied on the way in and handed out read-only.
 */
public final class Resource {
    private final ResourceKey key;
    private final String apiVersion;
    private final Map<String, Object> manifest;
    private final String source;

    public Resource(ResourceKey key, String apiVersion, Map<String, Object> manifest, String source) {
        this.key = Objects.requireNonNull(key, "key");
        this.apiVersion = apiVersion == null ? "" : apiVersion;
        this.manifest = Manifests.unmodifiableCopy(manifest);
        this.source = source == null ? "" : source;
    }

    /**
     * Builds a Kubernetes-style resource, reading apiVersion, kind, metadata.name and metadata.namespace. An
     * object with only {@code metadata.generateName} (allowed for sync hooks) is keyed by that prefix.
     */
    public static Resource ofManifest(Map<String, Object> manifest, String source) {
        String apiVersion = Manifests.string(manifest, "apiVersion");
        String kind = Manifests.string(manifest, "kind");
        String name = Manifests.string(manifest, "metadata", "name");
        if (name == null || name.isBlank()) {
            // a hook with metadata.generateName: named per sync (see sync.SyncHooks); keyed by the prefix until then
            name = Manifests.string(manifest, "metadata", "generateName");
        }
        String namespace = Manifests.string(manifest, "metadata", "namespace");
        if (kind == null || kind.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException(source + ": object has no kind or metadata.name");
        }
        return new Resource(new ResourceKey(ResourceKey.groupOf(apiVersion), kind, namespace, name), apiVersion, manifest,
                source);
    }

    public ResourceKey key() {
        return key;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String kind() {
        return key.kind();
    }

    public String name() {
        return key.name();
    }

    public String namespace() {
        return key.namespace();
    }

    /** Read-only view of the whole manifest. */
    public Map<String, Object> manifest() {
        return manifest;
    }

    /** A mutable deep copy of the manifest, for building a changed resource. */
    public Map<String, Object> mutableManifest() {
        return Manifests.mutableCopy(manifest);
    }

    /** Repository-relative file this object was rendered from ({@code ""} for live objects). */
    public String source() {
        return source;
    }

    public Map<String, String> labels() {
        return stringMap(Manifests.get(manifest, "metadata", "labels"));
    }

    public Map<String, String> annotations() {
        return stringMap(Manifests.get(manifest, "metadata", "annotations"));
    }

    /** The same object with another manifest (same key and source). */
    public Resource withManifest(Map<String, Object> newManifest) {
        return new Resource(key, apiVersion, newManifest, source);
    }

    /** {@code environments/dev/app.yaml: Deployment 'web'}: how errors name an object. */
    public String describe() {
        return (source.isEmpty() ? "" : source + ": ") + key.kind() + " '" + key.name() + "'";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> stringMap(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<String, Object>) map).forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resource r && key.equals(r.key) && apiVersion.equals(r.apiVersion)
                && manifest.equals(r.manifest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, apiVersion, manifest);
    }

    @Override
    public String toString() {
        return key.toString();
    }

    /** Convenience for tests and renderers. */
    public static List<ResourceKey> keys(List<Resource> resources) {
        return resources.stream().map(Resource::key).toList();
    }
}
