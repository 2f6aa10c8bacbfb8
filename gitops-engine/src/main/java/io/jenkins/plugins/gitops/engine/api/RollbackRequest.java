package io.jenkins.plugins.gitops.engine.api;

/**
 * Go back to a recorded deployment.
 *
 * @param to   a record id, a revision, or {@code previous}: the newest successful deployment before the current
 *             one whose release (rendered content) differs from what runs now; when there is none the rollback
 *             fails ({@link io.jenkins.plugins.gitops.engine.OperationFailedException}) without writing anything
 * @param mode {@code REVERT} writes commits so Git matches the chosen record, pushes and syncs (the
 *             default: Git stays the truth); {@code DIRECT} applies the recorded revision and pins the
 *             environment (no self-heal) until Git catches up
 * @param overrideWindow why the rollback runs although the environment's deployment windows are closed
 *             (docs/windows.md); recorded in the history when needed; null: a closed window refuses it
 */
public record RollbackRequest(String environment, String to, Mode mode, String trigger, String actor,
        String overrideWindow) {
    public enum Mode { REVERT, DIRECT }

    public RollbackRequest {
        overrideWindow = overrideWindow == null || overrideWindow.isBlank() ? null : overrideWindow.strip();
    }

    /** A request without a window override. */
    public RollbackRequest(String environment, String to, Mode mode, String trigger, String actor) {
        this(environment, to, mode, trigger, actor, null);
    }

    public static RollbackRequest of(String environment) {
        return new RollbackRequest(environment, "previous", Mode.REVERT, "manual", System.getProperty("user.name"));
    }

    public RollbackRequest withTo(String value) {
        return new RollbackRequest(environment, value == null || value.isBlank() ? "previous" : value, mode, trigger, actor, overrideWindow);
    }

    public RollbackRequest withMode(Mode value) {
        return new RollbackRequest(environment, to, value, trigger, actor, overrideWindow);
    }

    public RollbackRequest withTrigger(String newTrigger, String newActor) {
        return new RollbackRequest(environment, to, mode, newTrigger, newActor, overrideWindow);
    }

    /** The same request with the reason to run it although the deployment windows are closed (null: none). */
    public RollbackRequest withOverrideWindow(String reason) {
        return new RollbackRequest(environment, to, mode, trigger, actor, reason);
    }
}
