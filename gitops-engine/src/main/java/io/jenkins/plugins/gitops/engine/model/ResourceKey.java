package io.jenkins.plugins.gitops.engine.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * Identity of one object in a target: API group, kind, namespace (empty for cluster-scoped objects
 * and for Swarm, where the stack plays that role in labels) and name. The version is not part of the
 * identity: the same object may be served under several versions.
 */
public record ResourceKey(String group, String kind, String namespace, String name) implements Comparable<ResourceKey> {

    private static final Comparator<ResourceKey> ORDER = Comparator.comparing(ResourceKey::group)
            .thenComparing(ResourceKey::kind).thenComparing(ResourceKey::namespace).thenComparing(ResourceKey::name);

    public ResourceKey {
        group = group == null ? "" : group;
        namespace = namespace == null ? "" : namespace;
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** The group part of an apiVersion such as {@code apps/v1} ({@code ""} for {@code v1}). */
    public static String groupOf(String apiVersion) {
        if (apiVersion == null) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public boolean isNamespaced() {
        return !namespace.isEmpty();
    }

    /** {@code Deployment/docs-dev/web}, or {@code Namespace/docs-dev} for cluster-scoped objects. */
    @Override
    public String toString() {
        return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }

    @Override
    public int compareTo(ResourceKey o) {
        return ORDER.compare(this, o);
    }
}
