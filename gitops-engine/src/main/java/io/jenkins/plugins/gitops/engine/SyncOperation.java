package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.history.ContentDigest;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Operation;
import io.jenkins.plugins.gitops.engine.history.ReleaseExtractor;
import io.jenkins.plugins.gitops.engine.lease.LeaseHandle;
import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.policy.PolicyChecker;
import io.jenkins.plugins.gitops.engine.policy.PolicyReport;
import io.jenkins.plugins.gitops.engine.sync.SyncAction;
import io.jenkins.plugins.gitops.engine.sync.SyncExecutor;
import io.jenkins.plugins.gitops.engine.sync.SyncOptions;
import io.jenkins.plugins.gitops.engine.sync.SyncOutcome;
import io.jenkins.plugins.gitops.engine.sync.SyncPlan;
import io.jenkins.plugins.gitops.engine.sync.SyncPlanner;
import io.jenkins.plugins.gitops.engine.verify.CommitSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One sync (or dry run) of one environment: fetch → signature check (verify.signatures) → render → prepare → validate (schema) → policies →
 * list live → plan → server-side dry run of every create and update (all before any write, the lock
 * included) → lock → apply → prune → wait healthy → record. A failed
 * health wait rolls back to the last good revision when the environment asks for it.
 */
final class SyncOperation {
    private static final Duration LEASE_MARGIN = Duration.ofMinutes(5);

    private final EngineContext context;
    private final SyncSubject subject;
    /** The recorded reason a closed deployment window was overridden (docs/windows.md); null: none needed. */
    private String windowOverride;
    /** Whether this is a manual sync that deployment windows may refuse (the facade's sync, not a heal). */
    private boolean manualWindowCheck;

    SyncOperation(EngineContext context) {
        this(context, SyncSubject.DECLARED);
    }

    /** A sync of something other than a declared environment as written (a preview). */
    SyncOperation(EngineContext context, SyncSubject subject) {
        this.context = context;
        this.subject = subject;
    }

    SyncResult run(SyncRequest request) {
        return run(request, Operation.SYNC, null, null);
    }

    /** A manual sync: refused by closed deployment windows unless the request gives an override reason. */
    SyncOperation checkingWindows() {
        this.manualWindowCheck = true;
        return this;
    }

    /** The sync step of a promotion or rollback whose windows were already checked; {@code note}: null or recorded. */
    SyncOperation withWindowOverride(String note) {
        this.windowOverride = note;
        return this;
    }

    /**
     * @param operation    what the record says this was (a sync, or the sync step of a rollback, ...)
     * @param rolledBackTo for rollbacks: the record id or revision gone back to
     * @param reason       why (auto-rollback, self-heal), kept in the record; null for none
     */
    SyncResult run(SyncRequest request, Operation operation, String rolledBackTo, String reason) {
        try {
            return sync(request, operation, rolledBackTo, reason);
        } catch (GitOpsException e) {
            if (subject == SyncSubject.DECLARED) {
                new Notices(context).syncError(request, operation, e);
            }
            throw e;
        }
    }

    private SyncResult sync(SyncRequest request, Operation operation, String rolledBackTo, String reason) {
        Instant started = Instant.now();
        Repository.Snapshot snapshot = context.repository.snapshot(request.revision());
        Environment environment = subject.environment(snapshot, request.environment());
        // today's windows and notification receivers (default branch), whatever revision is deployed
        // read only when a window or a notification needs it: the default branch is fetched anew each time
        java.util.function.Supplier<ProjectConfig> rules = request.revision() == null ? memo(snapshot::config)
                : memo(() -> rulesAtDefaultBranch(snapshot));
        if (manualWindowCheck && !request.dryRun()) {
            // before anything is rendered
            windowOverride = new WindowGate(context).checkManual(rules.get(), environment.name(), "sync", request.overrideWindow(),
                    request.actor());
        }
        if (request.prune() != null) {
            environment = environment.withPrune(request.prune());
        }
        if (request.allowEmpty()) {
            environment = environment.withAllowEmpty(true);
        }
        ProgressListener listener = context.listener;
        listener.progress((request.dryRun() ? "Planning " : "Syncing ") + "environment '" + environment.name() + "' at "
                + snapshot.revision());
        CommitSignature signature = context.signatures.check(context, environment, snapshot.revision().commitId(),
                "the commit to deploy");
        String signer = signature == null ? null : signature.recordValue();
        boolean kubernetes = environment.target() != null && environment.target().type() == TargetSpec.Type.KUBERNETES;
        // bad input is refused before any target is opened; only Kubernetes renders need the cluster's capabilities
        DesiredState offline = kubernetes ? null : subject.render(context, snapshot, environment, request.variables(),
                ClusterCapabilities.offline());
        try (Target target = context.targets.open(environment)) {
            DesiredState rendered = kubernetes ? subject.render(context, snapshot, environment, request.variables(),
                    target.capabilities()) : offline;
            listener.progress("  rendered " + rendered.resources().size() + " object(s) from " + environment.path());
            rendered.warnings().forEach(w -> listener.progress("  warning: " + w));
            DesiredState prepared = target.prepare(rendered);
            target.validate(prepared);
            List<DeploymentRecord> records = request.dryRun() ? List.of()
                    : context.history(target, environment).list(environment.name());
            if (!request.dryRun()) {
                // the rule is never weaker than where the last deployment was made (nothing written yet; one history read,
                // shared with alreadyRecorded)
                Environment floored = context.signatures.withDeployedRule(context, environment, records,
                        at -> subject.environment(at, request.environment()));
                if (floored.signatures() != environment.signatures()) {
                    environment = floored;
                    signature = context.signatures.check(context, environment, snapshot.revision().commitId(),
                            "the commit to deploy");
                    signer = signature == null ? null : signature.recordValue();
                }
            }
            List<String> warnings = new ArrayList<>(checkPolicies(snapshot, environment, prepared, request, operation));
            if (windowOverride != null && !request.dryRun()) {
                warnings.add("deployment window overridden: " + windowOverride);
            }
            if (request.dryRun()) {
                return execute(request, environment, snapshot, target, prepared, plan(environment, target, prepared, started),
                        warnings, started).withSigner(signer);
            }
            SyncPlan unlocked = plan(environment, target, prepared, started);
            if (unlocked.hasChanges()) {
                int checked = new SyncExecutor(target, environment.retry(), listener).dryRunOnServer(unlocked);
                if (checked > 0) { // targets without a server-side dry run (Swarm) check nothing here
                    listener.progress("  server-side dry run: " + checked + " object(s) accepted");
                }
            }
            String revision = snapshot.revision().commitId();
            if (!unlocked.hasChanges() && operation == Operation.SYNC && alreadyRecorded(records, revision)) {
                // a no-op sync of a recorded revision writes nothing at all: no lock, no record, no hook
                return execute(request, environment, snapshot, target, prepared, unlocked.withoutHooks(), warnings,
                        started).withSigner(signer);
            }
            Duration timeout = timeout(request, environment);
            try (LeaseHandle lease = context.lease(target).acquire(environment.name(), context.holder,
                    timeout.plus(LEASE_MARGIN))) {
                SyncPlan plan = unlocked.hasChanges() ? plan(environment, target, prepared, started) : unlocked; // live may have moved
                SyncResult result = execute(request, environment, snapshot, target, prepared, plan, warnings, started);
                DeploymentRecord record = DeploymentRecord.fromSync(operation, result, ReleaseExtractor.release(prepared),
                        request.trigger(), request.actor(), started, Instant.now())
                        .withContentDigest(ContentDigest.of(rendered));
                record = Records.annotate(record, rolledBackTo, reason);
                record = signature == null ? record : record.withSigner(signer);
                record = windowOverride == null ? record : record.withWindowOverride(windowOverride);
                context.history(target, environment).append(record);
                result = result.withRecordId(record.id()).withSigner(signer);
                Observations.deployment(context.metrics, context.secrets, environment, operation, record, result);
                new Notices(context).syncRecorded(rules.get(), environment, operation, request, result, reason);
                if (windowOverride != null) {
                    new Notices(context).windowOverride(rules.get(), environment.name(), revision, operationName(operation),
                            request.actor(), windowOverride, record.id());
                }
                if (!result.succeeded() && environment.autoRollback() && operation != Operation.ROLLBACK) {
                    lease.close();
                    // recovery is not a manual operation: no window check, no override recorded
                    new AutoRollback(context, new SyncOperation(context, subject)).afterFailure(environment, result, target);
                }
                return result;
            }
        }
    }

    /** gitops.yaml of the default branch; the deployed revision's when the default branch cannot be read. */
    private ProjectConfig rulesAtDefaultBranch(Repository.Snapshot deployed) {
        try {
            return context.repository.snapshot(null).config();
        } catch (GitOpsException e) {
            context.listener.progress("  warning: gitops.yaml of the default branch cannot be read (" + e.getMessage()
                    + "); windows and notifications of " + deployed.revision() + " apply");
            return deployed.config();
        }
    }

    private static <T> java.util.function.Supplier<T> memo(java.util.function.Supplier<T> supplier) {
        Object[] value = new Object[1];
        return () -> {
            if (value[0] == null) {
                value[0] = supplier.get();
            }
            @SuppressWarnings("unchecked")
            T t = (T) value[0];
            return t;
        };
    }

    private static String operationName(Operation operation) {
        return operation.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private SyncPlan plan(Environment environment, Target target, DesiredState prepared, Instant started) {
        return new SyncPlanner(target, started).plan(environment, prepared, context.live(target, prepared));
    }

    private static boolean alreadyRecorded(List<DeploymentRecord> records, String revision) {
        return records.stream().filter(Records::applied).findFirst().map(r -> revision.equals(r.revision())).orElse(false);
    }

    private SyncResult execute(SyncRequest request, Environment environment, Repository.Snapshot snapshot, Target target,
            DesiredState prepared, SyncPlan plan, List<String> policyWarnings, Instant started) {
        context.listener.progress("  plan: " + plan.count(SyncAction.CREATE) + " to create, " + plan.count(SyncAction.UPDATE)
                + " to update, " + plan.count(SyncAction.DELETE) + " to prune, " + plan.count(SyncAction.UNCHANGED)
                + " unchanged" + (plan.hooks().isEmpty() ? "" : ", " + plan.hooks().size() + " hook(s)"));
        SyncOptions options = SyncOptions.defaults(timeout(request, environment)).withDryRun(request.dryRun())
                .withWait(request.waitHealthy());
        SyncOutcome outcome = new SyncExecutor(target, environment.retry(), context.listener).execute(plan, options);
        if (outcome.succeeded() && !request.dryRun()) {
            target.afterSync(prepared, prepared.resources());
        }
        SyncResult result = SyncResults.of(environment, snapshot.revision().commitId(), target.describe(),
                request.dryRun(), outcome, policyWarnings, java.time.Duration.between(started, Instant.now()));
        context.listener.progress((result.succeeded() ? "" : "FAILED: " + result.message() + "\n") + result.summary());
        return result;
    }

    /** Enforced violations refuse the sync before any write; warnings are returned for the result. */
    private List<String> checkPolicies(Repository.Snapshot snapshot, Environment environment, DesiredState prepared,
            SyncRequest request, Operation operation) {
        if (environment.policies().isEmpty()) {
            return List.of();
        }
        PolicyReport report = new PolicyChecker(environment.policies()).check(prepared);
        if (!request.dryRun() && !report.violations().isEmpty()) {
            new Notices(context).policyViolation(snapshot.config(), environment, snapshot.revision().commitId(),
                    report.blocked() ? report.errors() : report.warnings(), report.blocked(),
                    operation.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), request.actor());
        }
        report.enforce();
        report.warnings().forEach(w -> context.listener.progress("  policy warning: " + w));
        return report.warnings();
    }

    private static Duration timeout(SyncRequest request, Environment environment) {
        return request.timeout() != null ? request.timeout() : environment.healthTimeout();
    }
}
