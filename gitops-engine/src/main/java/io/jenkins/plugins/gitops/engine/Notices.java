package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.api.DriftReport;
import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.health.Health;
import io.jenkins.plugins.gitops.engine.health.HealthStatus;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Operation;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.NotificationTrigger;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.notify.NotificationEvent;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of the facade's operations (docs/notifications.md): built from what an operation knows, sent only
 * to the receivers the environment's {@code notifications:} names for the trigger, masked with the facade's
 * secret values, handed to the {@link io.jenkins.plugins.gitops.engine.notify.Notifier}. Never throws: a
 * notification does not change the outcome of what caused it.
 */
final class Notices {
    private static final Logger LOG = LoggerFactory.getLogger(Notices.class);
    /**
     * The drift last notified per repository and environment, process-wide (facades are opened per call in
     * Jenkins): {@code on-drift-detected} is sent once per distinct drift, as Argo CD's {@code oncePer}.
     */
    private static final Map<String, String> NOTIFIED_DRIFT = new ConcurrentHashMap<>();
    /** The policy warnings last notified, per repository and environment. */
    private static final Map<String, String> NOTIFIED_WARNINGS = new ConcurrentHashMap<>();
    /** The degraded objects last notified, per repository and environment (from syncs and drift checks alike). */
    private static final Map<String, String> NOTIFIED_DEGRADED = new ConcurrentHashMap<>();

    private final EngineContext context;

    Notices(EngineContext context) {
        this.context = context;
    }

    /** After a recorded sync: failed, degraded, and (for a rollback that deployed) rolled back. */
    void syncRecorded(ProjectConfig config, Environment environment, Operation operation, SyncRequest request,
            SyncResult result, String reason) {
        String op = operation(operation);
        if (!result.succeeded()) {
            emit(config, NotificationTrigger.SYNC_FAILED, environment.name(), result.revision(), result.recordId(),
                    "failed", result.message(), op, request.actor());
        }
        if ("Degraded".equals(result.health())) {
            List<String> degraded = result.objects().stream().filter(o -> o.health() != null
                    && o.health().startsWith("Degraded")).map(o -> o.kind() + " " + qualified(o.namespace(), o.name())
                            + ": " + o.health()).toList();
            degraded(config, environment, result.revision(), result.recordId(), degraded,
                    result.summary() + (result.succeeded() ? "" : "; " + result.message()), op, request.actor());
        } else if (result.succeeded()) {
            NOTIFIED_DEGRADED.remove(environment.tracking().value());
        }
        if (operation == Operation.ROLLBACK && result.succeeded()) {
            emit(config, NotificationTrigger.ROLLED_BACK, environment.name(), result.revision(), result.recordId(),
                    "succeeded", reason != null ? reason : "rolled back to " + result.shortRevision(), op, request.actor());
        }
    }

    /** A sync that could not run to its record: bad input, refused by a policy, an unreachable target. */
    void syncError(SyncRequest request, Operation operation, GitOpsException error) {
        if (request.dryRun()) {
            return;
        }
        try {
            ProjectConfig config = context.repository.snapshot(request.revision()).config();
            emit(config, NotificationTrigger.SYNC_FAILED, request.environment(), request.revision(), null, "error",
                    error.getMessage(), operation(operation), request.actor());
        } catch (RuntimeException unreadable) {
            LOG.debug("no notification for the failed sync of {}: gitops.yaml unreadable", request.environment());
        }
    }

    /**
     * Policy violations found on what is about to be deployed; {@code refused} when enforced (sent each time: each
     * refusal stops a deployment), warnings once per revision and set of warnings (a pipeline syncing the same
     * revision at every build is not told again).
     */
    void policyViolation(ProjectConfig config, Environment environment, String revision, List<String> violations,
            boolean refused, String operation, String actor) {
        if (!refused) {
            String fingerprint = revision + " " + violations.stream().sorted().toList();
            if (fingerprint.equals(NOTIFIED_WARNINGS.put(environment.tracking().value(), fingerprint))) {
                return;
            }
        }
        emit(config, NotificationTrigger.POLICY_VIOLATION, environment.name(), revision, null, refused ? "refused" : "warned",
                (refused ? "refused by policy: " : "deployed with policy warnings: ") + String.join("; ", violations),
                operation, actor);
    }

    /** A drift check: drifted objects are notified once per distinct drift; a clean check forgets the last one. */
    void drift(ProjectConfig config, Environment environment, DriftReport report) {
        String key = environment.tracking().value();
        if (report.driftedObjects() == 0) {
            NOTIFIED_DRIFT.remove(key);
            return;
        }
        String fingerprint = report.lastSyncedRevision() + " " + report.objects().stream()
                .map(o -> o.kind() + "/" + o.namespace() + "/" + o.name() + ":" + o.action()).sorted().toList();
        if (fingerprint.equals(NOTIFIED_DRIFT.put(key, fingerprint))) {
            return;
        }
        emit(config, NotificationTrigger.DRIFT_DETECTED, environment.name(), report.lastSyncedRevision(), null,
                "drifted", report.message() + ": " + describe(report.objects()), "drift", context.holder);
    }

    /**
     * The health of the live objects of the last deployment, read by a drift check when the environment subscribes
     * to {@code on-health-degraded} (only then: Swarm reads each service's tasks for it). A failure to read health
     * never fails the check.
     */
    void liveHealth(ProjectConfig config, Environment environment, DeploymentRecord last, Target target,
            DesiredState prepared, Map<ResourceKey, Resource> live) {
        if (config.notifications(environment.name()).receivers(NotificationTrigger.HEALTH_DEGRADED).isEmpty()) {
            return;
        }
        try {
            List<String> degraded = new java.util.ArrayList<>();
            for (Resource desired : prepared.resources()) {
                Resource found = live.get(desired.key());
                Health health = found == null ? null : target.health(found);
                if (health != null && health.status() == HealthStatus.DEGRADED) {
                    degraded.add(desired.kind() + " " + qualified(desired.key().namespace(), desired.name()) + ": " + health);
                }
            }
            if (degraded.isEmpty()) {
                NOTIFIED_DEGRADED.remove(environment.tracking().value());
                return;
            }
            degraded(config, environment, last.revision(), last.id(), degraded, degraded.size()
                    + " object(s) degraded: " + String.join("; ", degraded), "drift", context.holder);
        } catch (RuntimeException e) {
            LOG.debug("health of {} not read for notifications: {}", environment.name(), context.secrets.mask(e.toString()));
        }
    }

    /** {@code on-health-degraded} once per revision and set of degraded objects, as Argo CD sends a trigger when its condition turns true. */
    private void degraded(ProjectConfig config, Environment environment, String revision, String recordId,
            List<String> degraded, String message, String operation, String actor) {
        String fingerprint = revision + " " + degraded.stream().map(d -> d.substring(0, d.indexOf(": ") < 0 ? d.length()
                : d.indexOf(": "))).sorted().toList();
        if (fingerprint.equals(NOTIFIED_DEGRADED.put(environment.tracking().value(), fingerprint))) {
            return;
        }
        emit(config, NotificationTrigger.HEALTH_DEGRADED, environment.name(), revision, recordId, "degraded", message,
                operation, actor);
    }

    private static String qualified(String namespace, String name) {
        return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }

    /** A heal that put drifted objects back. */
    void selfHealed(ProjectConfig config, Environment environment, DriftReport report, SyncResult healed) {
        if (healed.succeeded() && report.driftedObjects() > 0) {
            NOTIFIED_DRIFT.remove(environment.tracking().value());
            emit(config, NotificationTrigger.SELF_HEALED, environment.name(), healed.revision(), healed.recordId(),
                    "healed", report.driftedObjects() + " drifted object(s) put back: " + describe(report.objects()),
                    "self-heal", context.holder);
        }
    }

    /** A promotion into an environment that needs an approval arrived without one. */
    void approvalWaiting(ProjectConfig config, Environment from, Environment to, String revision, String actor) {
        emit(config, NotificationTrigger.APPROVAL_WAITING, to.name(), revision, null, "waiting",
                "a promotion from " + from.name() + " to " + to.name() + " waits for approval"
                        + (to.approvers().isEmpty() ? "" : " by " + String.join(", ", to.approvers())), "promote", actor);
    }

    /** An operation run outside its deployment window because {@code actor} overrode it with {@code reason}. */
    void windowOverride(ProjectConfig config, String environment, String revision, String operation, String actor,
            String reason, String recordId) {
        emit(config, NotificationTrigger.WINDOW_OVERRIDE, environment, revision, recordId, "overridden",
                operation + " outside the deployment window, overridden: " + reason, operation, actor);
    }

    private void emit(ProjectConfig config, NotificationTrigger trigger, String environment, String revision,
            String recordId, String result, String message, String operation, String actor) {
        List<String> receivers = config.notifications(environment).receivers(trigger);
        if (receivers.isEmpty()) {
            return;
        }
        try {
            NotificationEvent event = context.secrets.maskAll(new NotificationEvent(trigger, environment, revision,
                    recordId, result, message, operation, actor, context.link, receivers, Instant.now()));
            context.notifier.send(event);
        } catch (RuntimeException e) {
            LOG.warn("notification {} of {} not sent: {}", trigger.id(), environment, context.secrets.mask(e.toString()));
        }
    }

    private static String operation(Operation operation) {
        return operation.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String describe(List<ObjectResult> objects) {
        List<String> names = objects.stream().limit(10).map(o -> o.kind() + " " + (o.namespace() == null
                || o.namespace().isEmpty() ? "" : o.namespace() + "/") + o.name() + " (" + o.action() + ")").toList();
        return String.join(", ", names) + (objects.size() > names.size() ? ", and " + (objects.size() - names.size())
                + " more" : "");
    }
}
