package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.model.SyncPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of {@code gitopsPromote}: copy the release (image references) of {@code from}
 * into {@code to}'s folder, commit and push, then sync {@code to} when {@code sync} is set.
 *
 * @param approvedBy who approved, usually the {@code submitterParameter} of an {@code input} step;
 *                   required when {@code to} has {@code sync: approval}
 * @param actor      the Jenkins user or job that runs the step (recorded, never used for approval)
 */
public record PromoteArguments(String repository, String from, String to, boolean sync, String approvedBy,
        String actor) {

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
     * Refuses a promotion into an environment with {@code sync: approval} that carries no approver,
     * before anything is written. Both environments must exist in gitops.yaml.
     */
    public PromoteArguments checkApproval(ProjectConfig config) {
        config.environment(from);
        Environment target = config.environment(to);
        if (target.sync() == SyncPolicy.APPROVAL && SyncArguments.blankToNull(approvedBy) == null) {
            String who = target.approvers().isEmpty() ? "an approver" : String.join(" or ", target.approvers());
            throw new InvalidInputException("gitops.yaml: environment '" + to + "' has sync: approval, so gitopsPromote"
                    + " needs approvedBy: ask " + who + " with def who = input(message: 'Promote to " + to
                    + "?', submitterParameter: 'approver') and pass approvedBy: who");
        }
        return this;
    }
}
