package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.model.SyncPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The arguments of {@code gitopsPromote}: copy the release (image references) of {@code from}
 * into {@code to}'s folder, commit and push, then sync {@code to} when {@code sync} is set.
 *
 * @param approvedBy     who approved, usually the {@code submitterParameter} of an {@code input} step;
 *                       required when {@code to} has {@code sync: approval}; in Jenkins only accepted when
 *                       the build recorded an {@code input} approval by that user ({@link #checkRecorded})
 * @param actor          the Jenkins user or job that runs the step (recorded, never used for approval)
 * @param approverGroups the groups {@code approvedBy} belongs to (Jenkins: the security realm's authorities),
 *                       matched against gitops.yaml's {@code approvers} like the user id
 * @param overrideWindow why the promotion runs although {@code to}'s deployment windows are closed
 *                       (docs/windows.md); null: a closed window refuses it
 */
public record PromoteArguments(String repository, String from, String to, boolean sync, String approvedBy,
        String actor, List<String> approverGroups, String overrideWindow) {

    public PromoteArguments {
        approvedBy = SyncArguments.blankToNull(approvedBy);
        approverGroups = approverGroups == null ? List.of() : List.copyOf(approverGroups);
        overrideWindow = SyncArguments.blankToNull(overrideWindow);
    }

    /** Arguments without a window override. */
    public PromoteArguments(String repository, String from, String to, boolean sync, String approvedBy, String actor,
            List<String> approverGroups) {
        this(repository, from, to, sync, approvedBy, actor, approverGroups, null);
    }

    /** Arguments whose approver belongs to no known group. */
    public PromoteArguments(String repository, String from, String to, boolean sync, String approvedBy, String actor) {
        this(repository, from, to, sync, approvedBy, actor, List.of());
    }

    /** The same arguments with the groups the approver belongs to. */
    public PromoteArguments withApproverGroups(Collection<String> groups) {
        return new PromoteArguments(repository, from, to, sync, approvedBy, actor, List.copyOf(groups), overrideWindow);
    }

    /** The same arguments with the reason to promote although the deployment windows are closed (null: none). */
    public PromoteArguments withOverrideWindow(String reason) {
        return new PromoteArguments(repository, from, to, sync, approvedBy, actor, approverGroups, reason);
    }

    public PromoteArguments validate() {
        List<String> problems = new ArrayList<>();
        Names.checkEnvironment("gitopsPromote", "from", from, problems);
        Names.checkEnvironment("gitopsPromote", "to", to, problems);
        if (problems.isEmpty() && from.equals(to)) {
            problems.add("gitopsPromote: from and to are both '" + from + "'; promote to the next environment");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return this;
    }

    /**
     * Refuses a promotion into an environment with {@code sync: approval} that carries no approver, or
     * an approver who is neither one of its {@code approvers} nor in one of their groups, before
     * anything is written. Both environments must exist in gitops.yaml.
     */
    public PromoteArguments checkApproval(ProjectConfig config) {
        config.environment(from);
        Environment target = config.environment(to);
        if (target.sync() != SyncPolicy.APPROVAL) {
            return this;
        }
        String who = target.approvers().isEmpty() ? "an approver" : String.join(" or ", target.approvers());
        if (approvedBy == null) {
            throw new InvalidInputException("gitops.yaml: environment '" + to + "' has sync: approval, so gitopsPromote"
                    + " needs approvedBy: ask " + who + " with def who = input(message: 'Promote to " + to
                    + "?', submitterParameter: 'approver') and pass approvedBy: who");
        }
        if (!target.isApprover(approvedBy, approverGroups)) {
            throw new InvalidInputException("gitops.yaml: '" + approvedBy + "' may not approve promotions into '" + to
                    + "': approvers are " + String.join(", ", target.approvers()) + " (user ids or groups), and "
                    + approvedBy + " is in " + (approverGroups.isEmpty() ? "no group Jenkins knows of"
                            : "the groups " + String.join(", ", approverGroups))
                    + "; restrict the input step's submitter to " + who);
        }
        return this;
    }

    /**
     * Accepts {@code approvedBy} only when it is one of the approvals the build recorded (in Jenkins,
     * the user ids of the {@code input} steps answered in this run: pipeline-input-step's
     * {@code ApproverAction}); a name typed into the Jenkinsfile is not an approval.
     *
     * @param recorded the user ids that approved an input step of this run, in any order
     */
    public PromoteArguments checkRecorded(Collection<String> recorded) {
        if (approvedBy != null && !recorded.contains(approvedBy)) {
            throw new InvalidInputException("gitopsPromote: approvedBy '" + approvedBy + "' did not approve an input step"
                    + " of this build (approvals recorded: " + (recorded.isEmpty() ? "none" : String.join(", ", recorded))
                    + "); pass the user id the input step returns: def who = input(message: 'Promote to " + to
                    + "?', submitterParameter: 'approver'), then approvedBy: who");
        }
        return this;
    }
}
