package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Operation;
import io.jenkins.plugins.gitops.engine.model.Environment;
import java.util.List;
import java.util.Optional;

/**
 * After a failed sync of an environment with {@code autoRollback: true}: applies the last revision
 * that deployed successfully (a direct rollback, so the environment is pinned and no automatic sync
 * re-applies the broken revision until Git changes), recorded with trigger {@code auto} and the reason.
 */
final class AutoRollback {
    private final EngineContext context;
    private final SyncOperation sync;

    AutoRollback(EngineContext context, SyncOperation sync) {
        this.context = context;
        this.sync = sync;
    }

    void afterFailure(Environment environment, SyncResult failed, Target target) {
        List<DeploymentRecord> records = context.history(target, environment).list(environment.name());
        Optional<DeploymentRecord> good = previousGood(records, failed.revision());
        if (good.isEmpty()) {
            context.listener.progress("  auto-rollback: no earlier successful deployment of '" + environment.name()
                    + "' to go back to");
            return;
        }
        DeploymentRecord to = good.get();
        context.listener.progress("  auto-rollback of '" + environment.name() + "' to " + to.shortRevision() + " (record "
                + to.id() + ") because: " + failed.message());
        SyncRequest request = SyncRequest.of(environment.name()).withRevision(to.revision())
                .withTrigger(DeploymentRecord.TRIGGER_AUTO, "auto-rollback");
        sync.run(request, Operation.ROLLBACK, to.id(), "auto-rollback after failed sync of "
                + shortRevision(failed.revision()) + ": " + failed.message());
    }

    /** The newest successful deployment of another revision than {@code current}. */
    static Optional<DeploymentRecord> previousGood(List<DeploymentRecord> newestFirst, String current) {
        return newestFirst.stream().filter(Records::applied)
                .filter(r -> r.revision() != null && !r.revision().equals(current)).findFirst();
    }

    private static String shortRevision(String revision) {
        return revision != null && revision.length() > 12 ? revision.substring(0, 12) : String.valueOf(revision);
    }
}
