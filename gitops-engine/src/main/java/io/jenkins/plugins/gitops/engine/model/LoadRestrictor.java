package io.jenkins.plugins.gitops.engine.model;

/**
 * {@code kustomize.loadRestrictor} of an environment: where the files a kustomization names (resources,
 * patches, generator sources, configurations) may be, as kustomize's {@code --load-restrictor} flag
 * (api/krusty/options.go, api/internal/loader/loadrestrictions.go). Folders (bases) are unaffected: they
 * may be anywhere in the repository except the kustomization's own folder or one above it, as in kustomize.
 * Neither value ever lets a file outside the repository be read.
 */
public enum LoadRestrictor {
    /** kustomize's default: files in or below the kustomization's folder only. */
    ROOT_ONLY("LoadRestrictionsRootOnly"),
    /** Files anywhere in the repository: Flux's kustomize-controller builds this way. */
    NONE("LoadRestrictionsNone");

    private final String flag;

    LoadRestrictor(String flag) {
        this.flag = flag;
    }

    /** The value as kustomize's flag and gitops.yaml spell it: {@code LoadRestrictionsRootOnly} or {@code LoadRestrictionsNone}. */
    public String flag() {
        return flag;
    }

    /** The restrictor of a flag value, or null for another value. */
    public static LoadRestrictor ofFlag(String value) {
        for (LoadRestrictor r : values()) {
            if (r.flag.equals(value)) {
                return r;
            }
        }
        return null;
    }
}
