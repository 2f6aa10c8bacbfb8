package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.SyncPolicy;
import io.jenkins.plugins.gitops.engine.sync.SyncPlanner;
import java.util.List;
import java.util.Map;

/** The pre-checks of a promotion, each refusing with the reason and the fix. */
final class PromotionChecks {
    private PromotionChecks() {
    }

    static void stage(Environment from, Environment to, boolean force, List<String> checks) {
        if (from.name().equals(to.name())) {
            throw new InvalidInputException("promotion refused: from and to are both '" + from.name() + "'");
        }
        if (from.name().equals(to.promotesFrom())) {
            checks.add("next stage: passed (" + to.name() + " promotes from " + from.name() + ")");
        } else if (force) {
            checks.add("next stage: skipped (forced; " + to.name() + " promotes from " + to.promotesFrom() + ")");
        } else {
            throw new InvalidInputException("promotion refused: '" + to.name() + "' promotes from "
                    + (to.promotesFrom() == null ? "no environment" : "'" + to.promotesFrom() + "'") + ", not '"
                    + from.name() + "' (promotesFrom in gitops.yaml); promote through the stages or use --force");
        }
    }

    static void approval(Environment to, String approvedBy, List<String> groups, List<String> checks) {
        if (to.sync() != SyncPolicy.APPROVAL) {
            return;
        }
        if (approvedBy == null || approvedBy.isBlank()) {
            throw new InvalidInputException("promotion refused: '" + to.name() + "' has sync: approval and no approver "
                    + "was recorded; pass --approved-by (in Jenkins: approvedBy: from an input step's submitterParameter)");
        }
        if (!to.isApprover(approvedBy, groups)) {
            throw new InvalidInputException("promotion refused: '" + approvedBy + "' is not an approver of '" + to.name()
                    + "' (approvers: " + String.join(", ", to.approvers()) + "; " + approvedBy + "'s groups: "
                    + (groups.isEmpty() ? "none known" : String.join(", ", groups)) + ")");
        }
        checks.add("approval: approved by " + approvedBy);
    }

    /** Objects of the environment that no longer match its last deployment. */
    static int drifted(EngineContext context, Target target, Environment environment, DeploymentRecord last) {
        DesiredState prepared = target.prepare(context.render(context.repository.snapshot(last.revision()), environment,
                Map.of(), target.capabilities()));
        return new SyncPlanner(target).plan(environment, prepared, context.live(target, prepared)).changes().size();
    }
}
