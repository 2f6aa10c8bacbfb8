package io.jenkins.plugins.gitops.engine.model;


/**
 * Who owns a live object, from its labels: this repository's environment (its owner label is ours),
 * another one, nobody, or an environment of our name that labelled it before owners were recorded
 * ({@link #LEGACY}). The rules the planner applies (docs/lifecycle.md, Ownership):
 * <ul>
 * <li>only {@link #OURS} objects, and {@link #LEGACY} ones where the target says their place belongs to
 * the environment alone (a Kubernetes namespace, a Swarm stack: the target's {@code isScoped}), are pruned;</li>
 * <li>a desired object that exists and is {@link #OTHER} is refused before any write, unless the
 * environment sets {@code takeOwnership};</li>
 * <li>{@link #UNMANAGED} and {@link #LEGACY} desired objects are adopted: the next apply writes our owner.</li>
 * </ul>
 */
public enum Ownership {
    /** Carries this environment's owner label. */
    OURS,
    /** Managed by this product for an environment of our name, without an owner label (written before owners). */
    LEGACY,
    /** Managed by this product for another repository or environment. */
    OTHER,
    /** Not labelled as managed by this product (made by hand, by kubectl, by another tool). */
    UNMANAGED;

    public static Ownership of(Resource live, TrackingId ours) {
        if (!Labels.MANAGED_BY_VALUE.equals(live.labels().get(Labels.MANAGED_BY))) {
            return UNMANAGED;
        }
        String owner = live.labels().get(Labels.OWNER);
        if (owner != null) {
            return owner.equals(ours.label()) ? OURS : OTHER;
        }
        return ours.environment().equals(live.labels().get(Labels.ENVIRONMENT)) ? LEGACY : OTHER;
    }

    /** The owner as people read it: {@code environment 'production' of repository github.com/team-a/deploy}. */
    public static String describeOwner(Resource live) {
        String tracking = live.annotations().get(Labels.TRACKING_ID);
        if (tracking == null) {
            tracking = live.labels().get(Labels.TRACKING_ID); // Swarm objects have labels only
        }
        int hash = tracking == null ? -1 : tracking.lastIndexOf('#');
        if (hash >= 0) {
            return new TrackingId(tracking.substring(0, hash), tracking.substring(hash + 1)).describe();
        }
        String environment = live.labels().get(Labels.ENVIRONMENT);
        String owner = live.labels().get(Labels.OWNER);
        return owner != null ? "owner " + owner + " (environment '" + environment + "')"
                : "environment '" + environment + "' (labelled before owners were recorded, repository unknown)";
    }
}
