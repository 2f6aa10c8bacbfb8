package io.jenkins.plugins.gitops;

import hudson.model.Run;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.util.List;
import org.jenkinsci.plugins.workflow.support.steps.input.ApproverAction;

/**
 * Who approved, as Jenkins knows it: the approvals a run recorded, and the groups a user belongs to.
 * A name typed into a Jenkinsfile is not an approval; an {@code input} step answered by that user is.
 */
final class Approvals {
    private Approvals() {
    }

    /**
     * The user ids that approved an {@code input} step of this run: pipeline-input-step adds an
     * {@link ApproverAction} to the run for each submission by a signed-in user
     * ({@code InputStepExecution.proceed}).
     */
    static List<String> recorded(Run<?, ?> run) {
        return run.getActions(ApproverAction.class).stream().map(ApproverAction::getUserId).distinct().toList();
    }

    /**
     * The groups (authorities) of a user as the security realm reports them ({@code User.getAuthorities()},
     * without the user's own id and {@code authenticated}); empty for an unknown user. Read as SYSTEM,
     * since core answers only callers with Overall/Administer, while reading group membership to check an
     * approval grants nothing.
     */
    static List<String> groups(String userId) {
        User user = userId == null ? null : User.getById(userId, false);
        if (user == null) {
            return List.of();
        }
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return List.copyOf(user.getAuthorities());
        }
    }
}
