package io.jenkins.plugins.gitops.engine.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What can be notified, named as Argo CD Notifications names its triggers ({@code on-sync-failed} and
 * {@code on-health-degraded} are Argo CD's own, from its catalog: argo-cd {@code notifications_catalog/triggers/},
 * docs/operator-manual/notifications/catalog.md); the others are this product's events in the same style.
 * The names are the keys of {@code notifications:} in gitops.yaml (docs/notifications.md).
 */
public enum NotificationTrigger {
    /** A sync (also the sync step of a promotion, rollback or self-heal) failed or could not run. */
    SYNC_FAILED("on-sync-failed"),
    /** A sync ended with the environment's health Degraded (Argo CD: {@code app.status.health.status == 'Degraded'}). */
    HEALTH_DEGRADED("on-health-degraded"),
    /** A drift check found live objects changed, deleted or added outside Git; once per distinct drift. */
    DRIFT_DETECTED("on-drift-detected"),
    /** Drifted objects were put back by self-heal (or an automatic sync) and the sync succeeded. */
    SELF_HEALED("on-self-healed"),
    /** A rollback (requested, or the automatic one after a failed sync) deployed successfully. */
    ROLLED_BACK("on-rolled-back"),
    /** A promotion into a {@code sync: approval} environment arrived without a recorded approval. */
    APPROVAL_WAITING("on-approval-waiting"),
    /** A sync or promotion found policy violations (refused when enforced, deployed with a warning otherwise). */
    POLICY_VIOLATION("on-policy-violation"),
    /** An operation ran outside its deployment window because someone overrode the window, with a reason. */
    WINDOW_OVERRIDE("on-window-override");

    private final String id;

    NotificationTrigger(String id) {
        this.id = id;
    }

    /** The name used in gitops.yaml and in payloads, e.g. {@code on-sync-failed}. */
    public String id() {
        return id;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(NotificationTrigger::id).toList();
    }

    public static Optional<NotificationTrigger> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
