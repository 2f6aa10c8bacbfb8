package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.jenkins.plugins.gitops.engine.cluster.TargetException;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a kind to where and how the API serves it: discovery first, then the CRDs of the desired
 * state being synced; the built-in table only decides scope when discovery cannot be reached.
 */
final class Kinds {
    private static final Logger LOG = LoggerFactory.getLogger(Kinds.class);

    private final Discovery discovery;
    private volatile DesiredKinds desired = DesiredKinds.none();
    /** Last resolution per group/kind, so reads by key (no version) use the version we write with. */
    private final Map<String, ApiKind> resolved = new ConcurrentHashMap<>();

    Kinds(Discovery discovery) {
        this.discovery = discovery;
    }

    /** Remembers the kinds defined by CRDs in the desired state now being synced. */
    void learn(DesiredKinds kinds) {
        this.desired = kinds;
    }

    DesiredKinds desired() {
        return desired;
    }

    /** Served or defined-in-this-sync kind; empty when neither. Throws {@link Discovery.UnavailableException}. */
    Optional<ApiKind> find(String apiVersion, String kind) {
        Optional<ApiKind> found = discovery.find(apiVersion, kind).or(() -> desired.find(apiVersion, kind));
        found.ifPresent(k -> resolved.put(k.group() + "/" + k.kind(), k));
        return found;
    }

    /**
     * Scope for prepare: discovery, CRDs in the state, and only when discovery is unreachable the
     * built-in table. Unknown kinds count as namespaced (validate rejects them anyway).
     */
    boolean namespaced(String apiVersion, String kind) {
        try {
            Optional<ApiKind> found = find(apiVersion, kind);
            if (found.isPresent()) {
                return found.get().namespaced();
            }
        } catch (Discovery.UnavailableException e) {
            LOG.warn("API discovery unavailable, deciding the scope of {} from the built-in table: {}", kind,
                    e.getMessage());
            Optional<ApiKind> crd = desired.find(apiVersion, kind);
            if (crd.isPresent()) {
                return crd.get().namespaced();
            }
            return BuiltInKinds.namespaced(ApiKind.groupOf(apiVersion), kind).orElse(true);
        }
        return true;
    }

    /** The kind to write a resource with; a TargetException when the API does not serve it (yet). */
    ApiKind require(Resource resource) {
        Optional<ApiKind> found;
        try {
            found = find(resource.apiVersion(), resource.kind());
        } catch (Discovery.UnavailableException e) {
            throw new TargetException(e.getMessage(), true, e);
        }
        return found.orElseThrow(() -> new TargetException(resource.kind() + " (" + resource.apiVersion()
                + ") is not served by the cluster", true, null));
    }

    /** The kind for a key (no version): as last resolved, else CRDs in the state, else the preferred version. */
    Optional<ApiKind> forKey(ResourceKey key) {
        ApiKind known = resolved.get(key.group() + "/" + key.kind());
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ApiKind> crd = desired.findAnyVersion(key.group(), key.kind());
        if (crd.isPresent()) {
            return crd;
        }
        try {
            return discovery.findInPreferredVersion(key.group(), key.kind());
        } catch (Discovery.UnavailableException e) {
            throw new TargetException(e.getMessage(), true, e);
        }
    }

    /** What the server serves, for renderers; throws {@link Discovery.UnavailableException}. */
    io.jenkins.plugins.gitops.engine.model.ClusterCapabilities capabilities() {
        return discovery.capabilities();
    }

    void forgetGroup(String group) {
        discovery.forget(group);
        resolved.values().removeIf(k -> k.group().equals(group));
    }
}
