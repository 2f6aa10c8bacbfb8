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
 */
public record RollbackRequest(String environment, String to, Mode mode, String trigger, String actor) {
    public enum Mode { REVERT, DIRECT }

    public static RollbackRequest of(String environment) {
        return new RollbackRequest(environment, "previous", Mode.REVERT, "manual", System.getProperty("user.name"));
    }

    public RollbackRequest withTo(String value) {
        return new RollbackRequest(environment, value == null || value.isBlank() ? "previous" : value, mode, trigger, actor);
    }

    public RollbackRequest withMode(Mode value) {
        return new RollbackRequest(environment, to, value, trigger, actor);
    }

    public RollbackRequest withTrigger(String newTrigger, String newActor) {
        return new RollbackRequest(environment, to, mode, newTrigger, newActor);
    }
}
