package io.jenkins.plugins.gitops.engine.model;

/** Label and annotation names the engine writes and reads. A leaf: nothing else lives here. */
public final class Labels {
    private Labels() {
    }

    /** Standard Kubernetes label marking who manages an object. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    /** Value of {@link #MANAGED_BY} on every object this engine manages. */
    public static final String MANAGED_BY_VALUE = "jenkins-gitops";
    /** The environment (gitops.yaml name) an object belongs to. */
    public static final String ENVIRONMENT = "gitops.jenkins.io/environment";
    /**
     * The owner: {@link TrackingId#label()} of the repository and environment that created the object.
     * Prune, drift and history consider only objects carrying their own owner (or, for objects labelled
     * before owners existed, none; see docs/lifecycle.md).
     */
    public static final String OWNER = "gitops.jenkins.io/owner";
    /**
     * Readable owner, {@link TrackingId#value()} ({@code github.com/team-a/deploy#production}): an
     * annotation on Kubernetes objects, a label on Swarm objects.
     */
    public static final String TRACKING_ID = "gitops.jenkins.io/tracking-id";
    /** Annotation: the Git revision the object was last applied from. */
    public static final String REVISION = "gitops.jenkins.io/revision";
    /** Annotation: integer sync wave; lower waves are applied (and healthy) first. */
    public static final String SYNC_WAVE = "gitops.jenkins.io/sync-wave";
    /** Annotation: content hash of the desired manifest last applied, to skip unchanged objects cheaply. */
    public static final String DESIRED_HASH = "gitops.jenkins.io/desired-hash";
    /** Swarm: the stack label {@code docker stack} itself uses, so {@code docker stack services} lists our services. */
    public static final String STACK_NAMESPACE = "com.docker.stack.namespace";
    /**
     * Label ({@code "true"}) on the engine's own bookkeeping objects in a target (deployment history
     * ConfigMap, lock Lease). They carry the managed labels of their environment but are not part of
     * any desired state: targets must leave them out of live listings, so drift and prune never see them.
     */
    public static final String INTERNAL = "gitops.jenkins.io/internal";

    /** Label: on every object of a preview, the environment it is a preview of (its template). */
    public static final String PREVIEW_OF = "gitops.jenkins.io/preview-of";
    /** Label: on every object of a preview, the change-request id it was made for. */
    public static final String PREVIEW_ID = "gitops.jenkins.io/preview-id";
    /** Annotation: on a preview's namespace (Kubernetes), the preview's URL. */
    public static final String PREVIEW_URL = "gitops.jenkins.io/preview-url";
    /**
     * Annotation: {@code disabled} keeps the object from ever being pruned (our counterpart of Flux's
     * {@link #FLUX_PRUNE}); put on a Helm chart's {@code crds/} unless the environment sets {@code pruneCrds}.
     */
    public static final String PRUNE = "gitops.jenkins.io/prune";
    /** The value of {@link #PRUNE} and {@link #FLUX_PRUNE} that keeps an object from being pruned. */
    public static final String PRUNE_DISABLED = "disabled";
    /** Argo CD's sync wave annotation, read as our own {@link #SYNC_WAVE}. */
    public static final String ARGOCD_SYNC_WAVE = "argocd.argoproj.io/sync-wave";
    /** Argo CD's sync options ({@code Prune=false}, {@code Delete=false} keep an object from being pruned). */
    public static final String ARGOCD_SYNC_OPTIONS = "argocd.argoproj.io/sync-options";
    /** Flux kustomize-controller's garbage collection switch ({@code disabled}: never pruned). */
    public static final String FLUX_PRUNE = "kustomize.toolkit.fluxcd.io/prune";
    /** Helm's resource policy ({@code keep}: never deleted by Helm, never pruned here). */
    public static final String HELM_RESOURCE_POLICY = "helm.sh/resource-policy";

    /** Label selector matching everything managed for an environment. */
    public static String selector(String environment) {
        return MANAGED_BY + "=" + MANAGED_BY_VALUE + "," + ENVIRONMENT + "=" + environment;
    }
}
