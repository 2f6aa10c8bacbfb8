package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.api.DriftReport;
import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Operation;
import io.jenkins.plugins.gitops.engine.metrics.GitOpsMetrics;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.engine.model.SyncPolicy;
import io.jenkins.plugins.gitops.engine.sync.SyncPlan;
import io.jenkins.plugins.gitops.engine.sync.SyncPlanner;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drift of one environment: live against the desired state of the last synced revision (only what
 * Git sets is compared, so server defaults are no drift), and Git HEAD against that revision. Heals
 * by policy: {@code sync: automatic} syncs HEAD, {@code selfHeal} re-applies the last synced revision;
 * a pinned environment is never healed.
 */
final class DriftOperation {
    private final EngineContext context;

    DriftOperation(EngineContext context) {
        this.context = context;
    }

    DriftReport run(String environmentName, boolean allowHeal) {
        Instant checkedAt = Instant.now();
        Repository.Snapshot head = context.repository.snapshot(null);
        Environment environment = head.config().environment(environmentName);
        String headRevision = head.revision().commitId();
        Optional<DeploymentRecord> last;
        List<ObjectResult> drifted;
        boolean pinned;
        try (Target target = context.targets.open(environment)) {
            List<DeploymentRecord> records = context.history(target, environment).list(environment.name());
            last = records.stream().filter(Records::applied).findFirst();
            if (last.isEmpty()) {
                DriftReport never = new DriftReport(environment.name(), null, headRevision, false, List.of(), null,
                        checkedAt, "never synced: no successful deployment recorded");
                return heal(head, environment, never, allowHeal, null);
            }
            Repository.Snapshot synced = context.repository.snapshot(last.get().revision());
            DesiredState prepared = target.prepare(context.render(synced, environment, java.util.Map.of(),
                    target.capabilities()));
            Map<ResourceKey, Resource> live = context.live(target, prepared);
            SyncPlan plan = new SyncPlanner(target).plan(environment, prepared, live);
            new Notices(context).liveHealth(head.config(), environment, last.get(), target, prepared, live);
            drifted = plan.changes().stream().map(t -> SyncResults.object(t, null)).toList();
            pinned = Pins.pinned(context, environment, last.get(), head);
        }
        String message = drifted.isEmpty() ? "no object drifted" : drifted.size() + " object(s) changed, deleted or added outside Git";
        if (!headRevision.equals(last.get().revision())) {
            message += "; Git is at " + head.revision().shortId() + ", last synced " + last.get().shortRevision();
        }
        if (pinned) {
            message += "; pinned by a direct rollback to " + last.get().shortRevision() + ": no self-heal until Git catches up";
        }
        DriftReport report = new DriftReport(environment.name(), last.get().revision(), headRevision, pinned, drifted,
                null, checkedAt, message);
        context.listener.progress("Drift of '" + environment.name() + "': " + message);
        context.metrics.setDrift(environment.name(), drifted.size());
        context.metrics.setSyncStatus(environment.name(), report.drifted() ? GitOpsMetrics.OUT_OF_SYNC : GitOpsMetrics.SYNCED);
        new Notices(context).drift(head.config(), environment, report);
        return pinned ? report : heal(head, environment, report, allowHeal, last.get());
    }

    private DriftReport heal(Repository.Snapshot head, Environment environment, DriftReport report, boolean allowHeal,
            DeploymentRecord last) {
        if (!allowHeal) {
            return report;
        }
        SyncResult healed = null;
        if (environment.sync() == SyncPolicy.AUTOMATIC && report.drifted()) {
            context.listener.progress("  automatic sync of '" + environment.name() + "' to Git HEAD");
            healed = new SyncOperation(context).run(SyncRequest.of(environment.name())
                    .withTrigger(DeploymentRecord.TRIGGER_AGENT, context.holder));
        } else if (environment.selfHeal() && last != null && report.driftedObjects() > 0) {
            context.listener.progress("  self-heal of '" + environment.name() + "': re-applying " + last.shortRevision());
            healed = new SyncOperation(context).run(SyncRequest.of(environment.name()).withRevision(last.revision())
                    .withTrigger(DeploymentRecord.TRIGGER_SELF_HEAL, context.holder), Operation.SELF_HEAL, null,
                    "self-heal of " + report.driftedObjects() + " drifted object(s)");
        }
        if (healed != null) {
            new Notices(context).selfHealed(head.config(), environment, report, healed);
        }
        return healed == null ? report : new DriftReport(report.environment(), report.lastSyncedRevision(),
                report.headRevision(), report.pinned(), report.objects(), healed, report.checkedAt(),
                report.message() + "; " + (healed.succeeded() ? "healed" : "heal failed: " + healed.message()));
    }
}
