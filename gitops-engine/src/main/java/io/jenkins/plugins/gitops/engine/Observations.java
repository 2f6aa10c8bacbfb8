package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Operation;
import io.jenkins.plugins.gitops.engine.metrics.GitOpsMetrics;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Masking;

/** What the facade's operations report to metrics: bounded label values only, never a message or revision. */
final class Observations {
    private Observations() {
    }

    /** Label values go through {@code secrets} like every other text leaving the facade. */
    static void deployment(GitOpsMetrics metrics, Masking secrets, Environment environment, Operation operation,
            DeploymentRecord record, SyncResult result) {
        String status = result.succeeded() ? "succeeded" : "failed";
        String name = secrets.mask(environment.name());
        metrics.recordDeployment(name, component(operation), status, record.duration());
        metrics.setSyncStatus(name, result.succeeded() ? GitOpsMetrics.SYNCED : GitOpsMetrics.FAILED);
        if (operation == Operation.ROLLBACK) {
            metrics.recordRollback(name, secrets.mask(record.trigger()),
                    DeploymentRecord.TRIGGER_AUTO.equals(record.trigger()) ? "failed-sync" : "requested");
        }
    }

    private static String component(Operation operation) {
        return operation.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
