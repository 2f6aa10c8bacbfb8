package io.jenkins.plugins.gitops.engine.api;

import java.util.List;

/**
 * Promote the release (image references) of {@code from} into {@code to}'s folder: commit, push and
 * optionally sync.
 *
 * @param sync       sync {@code to} after the push
 * @param approvedBy     who approved (required by {@code sync: approval} environments)
 * @param approverGroups the groups {@code approvedBy} belongs to, matched against gitops.yaml's
 *                       {@code approvers} like the user id (empty where the caller knows no groups: the CLI)
 * @param force          skip the {@code promotesFrom} check (never the policy or approval checks)
 * @param overrideWindow why the promotion runs although {@code to}'s deployment windows are closed
 *                       (docs/windows.md); recorded in the history when needed; null: a closed window refuses it
 */
public record PromoteRequest(String from, String to, boolean sync, String approvedBy, List<String> approverGroups,
        boolean force, String trigger, String actor, String overrideWindow) {
    public PromoteRequest {
        approverGroups = approverGroups == null ? List.of() : List.copyOf(approverGroups);
        overrideWindow = overrideWindow == null || overrideWindow.isBlank() ? null : overrideWindow.strip();
    }

    /** A request without a window override. */
    public PromoteRequest(String from, String to, boolean sync, String approvedBy, List<String> approverGroups,
            boolean force, String trigger, String actor) {
        this(from, to, sync, approvedBy, approverGroups, force, trigger, actor, null);
    }

    public static PromoteRequest of(String from, String to) {
        return new PromoteRequest(from, to, false, null, List.of(), false, "manual", System.getProperty("user.name"));
    }

    public PromoteRequest withSync(boolean value) {
        return new PromoteRequest(from, to, value, approvedBy, approverGroups, force, trigger, actor, overrideWindow);
    }

    public PromoteRequest withApprovedBy(String value) {
        return new PromoteRequest(from, to, sync, value, List.of(), force, trigger, actor, overrideWindow);
    }

    /** The approver and the groups they belong to (as a user directory such as Jenkins' security realm says). */
    public PromoteRequest withApprovedBy(String value, List<String> groups) {
        return new PromoteRequest(from, to, sync, value, groups, force, trigger, actor, overrideWindow);
    }

    public PromoteRequest withForce(boolean value) {
        return new PromoteRequest(from, to, sync, approvedBy, approverGroups, value, trigger, actor, overrideWindow);
    }

    public PromoteRequest withTrigger(String newTrigger, String newActor) {
        return new PromoteRequest(from, to, sync, approvedBy, approverGroups, force, newTrigger, newActor, overrideWindow);
    }

    /** The same request with the reason to run it although the deployment windows are closed (null: none). */
    public PromoteRequest withOverrideWindow(String reason) {
        return new PromoteRequest(from, to, sync, approvedBy, approverGroups, force, trigger, actor, reason);
    }
}
