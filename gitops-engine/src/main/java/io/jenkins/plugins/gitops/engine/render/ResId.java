package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.model.ResourceKey;

/**
 * Kustomize's resource id (kyaml/resid): group, version, kind, name and namespace, where an empty
 * field of a <em>selector</em> matches anything and an empty namespace means {@code default}.
 * {@link #toString()} prints it as kustomize does in messages ({@code Deployment.v1.apps/web.prod}).
 */
record ResId(String group, String version, String kind, String name, String namespace) {
    ResId {
        group = group == null ? "" : group;
        version = version == null ? "" : version;
        kind = kind == null ? "" : kind;
        name = name == null ? "" : name;
        namespace = namespace == null ? "" : namespace;
    }

    /** A selector or reference written as apiVersion (or group and version), kind, name, namespace. */
    static ResId of(String apiVersion, String kind, String name, String namespace) {
        String v = apiVersion == null ? "" : apiVersion;
        return new ResId(ResourceKey.groupOf(v), v.substring(v.indexOf('/') + 1), kind, name, namespace);
    }

    /** The current id of an object. */
    static ResId of(WorkingObject o) {
        return new ResId(o.group(), o.version(), o.kind(), o.name(), o.namespace());
    }

    boolean isEmpty() {
        return group.isEmpty() && version.isEmpty() && kind.isEmpty() && name.isEmpty() && namespace.isEmpty();
    }

    /** The namespace for comparisons: {@code default} for none, a marker for cluster-scoped kinds. */
    String effectiveNamespace() {
        if (ClusterScoped.isClusterScoped(group, kind)) {
            return "_non_namespaceable_";
        }
        return namespace.isEmpty() ? "default" : namespace;
    }

    /** kustomize's ResId.IsSelectedBy: every non-empty field of {@code selector} equals this id's. */
    boolean isSelectedBy(ResId selector) {
        return (selector.name.isEmpty() || selector.name.equals(name))
                && (selector.namespace.isEmpty() || selector.effectiveNamespace().equals(effectiveNamespace()))
                && gvkSelectedBy(selector);
    }

    boolean gvkSelectedBy(ResId selector) {
        return (selector.group.isEmpty() || selector.group.equals(group))
                && (selector.version.isEmpty() || selector.version.equals(version))
                && (selector.kind.isEmpty() || selector.kind.equals(kind));
    }

    /** kustomize's ResId.Equals: same group, version, kind and name, and the same effective namespace. */
    boolean sameAs(ResId other) {
        return gvknEquals(other) && effectiveNamespace().equals(other.effectiveNamespace());
    }

    /** A string equal for two ids exactly when {@link #sameAs} holds, for hash-based lookups. */
    String key() {
        return group + "/" + version + "/" + kind + "/" + name + "/" + effectiveNamespace();
    }

    boolean gvknEquals(ResId other) {
        return group.equals(other.group) && version.equals(other.version) && kind.equals(other.kind)
                && name.equals(other.name);
    }

    /** {@code Kind.version.group} with kustomize's placeholders for empty fields. */
    String gvkString() {
        return (kind.isEmpty() ? "[noKind]" : kind) + "." + (version.isEmpty() ? "[noVer]" : version) + "."
                + (group.isEmpty() ? "[noGrp]" : group);
    }

    @Override
    public String toString() {
        return gvkString() + "/" + (name.isEmpty() ? "[noName]" : name) + "."
                + (namespace.isEmpty() ? "[noNs]" : namespace);
    }
}
