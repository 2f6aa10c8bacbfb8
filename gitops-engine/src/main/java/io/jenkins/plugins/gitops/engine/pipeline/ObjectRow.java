package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import java.io.Serializable;

/**
 * One object of a deployment as the build page shows it. The diff is the engine's redacted diff:
 * Secret values never reach this class. A plain class with getters for Jelly and XStream; persisted
 * inside {@link DeploymentEntry} (see there for the persisted-form rules).
 */
public final class ObjectRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String action;
    private final String outcome;
    private final String health;
    private final String message;
    private final String diff;

    public ObjectRow(String id, String action, String outcome, String health, String message, String diff) {
        this.id = id;
        this.action = action;
        this.outcome = outcome;
        this.health = health;
        this.message = message == null ? "" : message;
        this.diff = diff == null ? "" : diff;
    }

    public static ObjectRow of(ObjectResult result) {
        return new ObjectRow(result.id(), result.action(), result.outcome(), result.health(), result.message(),
                result.diff());
    }

    /** {@code Kind/namespace/name}. */
    public String getId() {
        return id;
    }

    public String getAction() {
        return action;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getHealth() {
        return health;
    }

    public String getMessage() {
        return message;
    }

    public String getDiff() {
        return diff;
    }

    /** This row with its diff cut at {@code max} characters, followed by a note saying how many were cut. */
    ObjectRow cut(int max) {
        if (diff.length() <= max) {
            return this;
        }
        return new ObjectRow(id, action, outcome, health, message, diff.substring(0, max)
                + "\n... (" + (diff.length() - max) + " more characters not kept with the build)");
    }

    /** Fields an older build.xml lacks come back as null from XStream; the constructor defaults them. */
    ObjectRow normalized() {
        return message == null || diff == null ? new ObjectRow(id, action, outcome, health, message, diff) : this;
    }

    private Object readResolve() {
        return normalized();
    }

    /** False for objects the sync left alone. */
    public boolean isChanged() {
        return !"unchanged".equalsIgnoreCase(action);
    }
}
