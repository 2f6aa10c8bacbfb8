package io.jenkins.plugins.gitops.engine.api;

/**
 * Promote the release (image references) of {@code from} into {@code to}'s folder: commit, push and
 * optionally sync.
 *
 * @param sync       sync {@code to} after the push
 * @param approvedBy who approved (required by {@code sync: approval} environments)
 * @param force      skip the {@code promotesFrom} check (never the policy or approval checks)
 */
public record PromoteRequest(String from, String to, boolean sync, String approvedBy, boolean force, String trigger,
        String actor) {
    public static PromoteRequest of(String from, String to) {
        return new PromoteRequest(from, to, false, null, false, "manual", System.getProperty("user.name"));
    }

    public PromoteRequest withSync(boolean value) {
        return new PromoteRequest(from, to, value, approvedBy, force, trigger, actor);
    }

    public PromoteRequest withApprovedBy(String value) {
        return new PromoteRequest(from, to, sync, value, force, trigger, actor);
    }

    public PromoteRequest withForce(boolean value) {
        return new PromoteRequest(from, to, sync, approvedBy, value, trigger, actor);
    }

    public PromoteRequest withTrigger(String newTrigger, String newActor) {
        return new PromoteRequest(from, to, sync, approvedBy, force, newTrigger, newActor);
    }
}
