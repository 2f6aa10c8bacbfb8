package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.DriftReport;
import io.jenkins.plugins.gitops.engine.api.OperationResult;
import io.jenkins.plugins.gitops.engine.api.PromoteRequest;
import io.jenkins.plugins.gitops.engine.api.RollbackRequest;
import java.time.Instant;
import java.util.List;

/** {@link LifecycleOperations} over the engine's {@link GitOps} facade: argument mapping only. */
public final class FacadeLifecycle implements LifecycleOperations {
    private final GitOps gitOps;

    public FacadeLifecycle(GitOps gitOps) {
        this.gitOps = gitOps;
    }

    @Override
    public LifecycleResult promote(PromoteArguments arguments) {
        arguments.validate();
        OperationResult result = gitOps.promote(PromoteRequest.of(arguments.from(), arguments.to())
                .withSync(arguments.sync()).withApprovedBy(arguments.approvedBy(), arguments.approverGroups())
                .withTrigger("pipeline", arguments.actor()).withOverrideWindow(arguments.overrideWindow()));
        return lifecycle(result);
    }

    @Override
    public LifecycleResult rollback(RollbackArguments arguments) {
        arguments.validate();
        OperationResult result = gitOps.rollback(RollbackRequest.of(arguments.environment()).withTo(arguments.to())
                .withMode(arguments.mode() == RollbackArguments.Mode.DIRECT ? RollbackRequest.Mode.DIRECT
                        : RollbackRequest.Mode.REVERT)
                .withTrigger("pipeline", arguments.actor()).withOverrideWindow(arguments.overrideWindow()));
        return lifecycle(result);
    }

    @Override
    public EnvironmentStatus status(String environment) {
        io.jenkins.plugins.gitops.engine.api.EnvironmentStatus status = gitOps.status(environment);
        return new EnvironmentStatus(status.environment(), status.lastSyncedRevision(), status.headRevision(),
                status.health(), !status.behindGit() && "succeeded".equals(status.lastResult()), status.pinned(),
                status.lastSyncAt());
    }

    @Override
    public DriftState drift(String environment, boolean selfHealAllowed) {
        DriftReport report = gitOps.drift(environment, selfHealAllowed);
        DriftState.Kind kind;
        if (report.healed() != null) {
            kind = report.healed().succeeded() ? DriftState.Kind.HEALED : DriftState.Kind.FAILED;
        } else if (report.driftedObjects() > 0) {
            kind = DriftState.Kind.DRIFTED;
        } else if (report.drifted()) {
            kind = DriftState.Kind.OUT_OF_SYNC_WITH_GIT;
        } else {
            kind = DriftState.Kind.IN_SYNC;
        }
        return new DriftState(environment, kind, report.driftedObjects(), report.message(),
                report.checkedAt() == null ? Instant.now() : report.checkedAt());
    }

    private static LifecycleResult lifecycle(OperationResult result) {
        // promotion changes read "name: old -> new"; the result lists the image references now deployed
        List<String> images = result.changes().stream().filter(c -> c.contains(" -> "))
                .map(c -> c.substring(c.lastIndexOf(" -> ") + 4)).toList();
        return new LifecycleResult(result.environment(), result.commitId(), result.revision(), images,
                result.message(), result.sync());
    }
}
