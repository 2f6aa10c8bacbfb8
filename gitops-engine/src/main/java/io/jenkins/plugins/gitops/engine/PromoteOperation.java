package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.api.OperationResult;
import io.jenkins.plugins.gitops.engine.api.PromoteRequest;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Operation;
import io.jenkins.plugins.gitops.engine.history.ReleaseExtractor;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.policy.PolicyChecker;
import io.jenkins.plugins.gitops.engine.promote.EditedTree;
import io.jenkins.plugins.gitops.engine.promote.ImageChange;
import io.jenkins.plugins.gitops.engine.promote.PromotionMessage;
import io.jenkins.plugins.gitops.engine.promote.Release;
import io.jenkins.plugins.gitops.engine.promote.ReleaseDiff;
import io.jenkins.plugins.gitops.engine.promote.ReleaseEdit;
import io.jenkins.plugins.gitops.engine.promote.ReleaseWriter;
import io.jenkins.plugins.gitops.engine.source.PushResult;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import io.jenkins.plugins.gitops.engine.verify.CommitSignature;
import io.jenkins.plugins.gitops.engine.verify.EngineCommitSigner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Promotion: the release (image references) of one environment, as last deployed there, written into
 * the next environment's folder, committed with a structured message and pushed (fetch-and-retry on
 * concurrent pushes, never force), then optionally synced. Every pre-check runs before the push.
 */
final class PromoteOperation {
    private static final int PUSH_ATTEMPTS = 5;
    private final EngineContext context;

    PromoteOperation(EngineContext context) {
        this.context = context;
    }

    OperationResult run(PromoteRequest request) {
        Instant started = Instant.now();
        Repository.Snapshot head = context.repository.snapshot(null);
        Environment from = head.config().environment(request.from());
        Environment to = context.signatures.withDeployedRule(context, head.config().environment(request.to()),
                at -> at.config().environment(request.to()));
        String windowOverride = new WindowGate(context).checkManual(head.config(), to.name(), "promotion",
                request.overrideWindow(), request.actor());
        List<String> checks = new ArrayList<>();
        PromotionChecks.stage(from, to, request.force(), checks);
        try {
            PromotionChecks.approval(to, request.approvedBy(), request.approverGroups(), checks);
        } catch (InvalidInputException refused) {
            if (request.approvedBy() == null || request.approvedBy().isBlank()) {
                new Notices(context).approvalWaiting(head.config(), from, to, null, request.actor());
            }
            throw refused;
        }
        EngineCommitSigner signer = context.signatures.signer(context, to);
        signer.checkCanSign("promotion to '" + to.name() + "'");
        context.signatures.check(context, to, head.revision().commitId(), "the branch tip the promotion goes on,");
        DeploymentRecord source = sourceDeployment(from, to, checks);
        DesiredState fromState = context.render(context.repository.snapshot(source.revision()), from, Map.of());
        DesiredState toState = context.render(head, to, Map.of());
        ReleaseDiff diff = ReleaseDiff.between(Release.of(fromState), Release.of(toState));
        diff.skipped().forEach(s -> context.listener.progress("  skipped: " + s));
        if (diff.changes().isEmpty()) {
            return new OperationResult(to.name(), "promote", null, null, head.revision().commitId(), List.of(),
                    "'" + to.name() + "' already runs the release of '" + from.name() + "': nothing to promote", null);
        }
        List<String> changes = diff.changes().stream().map(c -> c.name() + ": " + c.oldRef() + " -> " + c.newRef()).toList();
        context.listener.progress("Promoting " + from.name() + " -> " + to.name() + ": " + String.join(", ", changes));
        checks.add("policies of " + to.name() + ": passed on the promoted result");
        String message = PromotionMessage.of(from.name(), to.name(), diff.changes(), source.revision(), checks,
                request.approvedBy(), request.actor());
        PushResult pushed = context.repository.git().commitAndPush(context.repository.git().defaultBranch(), message,
                RollbackOperation.author(request.actor()), tip -> promotedFiles(tip, to, diff, head, request.actor()), PUSH_ATTEMPTS, signer);
        context.listener.progress("  pushed " + pushed.commitId().substring(0, 12) + " after " + pushed.attempts()
                + " attempt(s): " + String.join(", ", pushed.changedPaths()));
        if (request.sync()) {
            SyncResult sync = new SyncOperation(context).withWindowOverride(windowOverride).run(SyncRequest.of(to.name()).withRevision(pushed.commitId())
                    .withTrigger(request.trigger(), request.actor()), Operation.PROMOTE, null,
                    "promotion from " + from.name() + approval(request));
            return new OperationResult(to.name(), "promote", sync.recordId(), pushed.commitId(), pushed.commitId(), changes,
                    sync.succeeded() ? "promoted and synced" : sync.message(), sync);
        }
        CommitSignature pushedSignature = context.signatures.check(context, to, pushed.commitId(), "the promotion commit");
        String recordId = recordUnsynced(to, request, pushed.commitId(), toState, started, pushedSignature,
                windowOverride);
        return new OperationResult(to.name(), "promote", recordId, pushed.commitId(), pushed.commitId(), changes,
                "promoted: pushed " + pushed.commitId().substring(0, 12) + "; sync '" + to.name() + "' to deploy it", null);
    }

    /** The source's last deployment, which must be healthy and still match what runs (no drift). */
    private DeploymentRecord sourceDeployment(Environment from, Environment to, List<String> checks) {
        try (Target target = context.targets.open(from)) {
            DeploymentRecord last = context.history(target, from).list(from.name()).stream().filter(Records::applied).findFirst()
                    .orElseThrow(() -> new InvalidInputException("promotion refused: '" + from.name()
                            + "' has no successful deployment to promote; sync it first"));
            if (!"Healthy".equals(last.healthStatus())) {
                throw new InvalidInputException("promotion refused: '" + from.name() + "' is " + last.healthStatus()
                        + " at " + last.shortRevision() + "; only a healthy release is promoted");
            }
            checks.add("source healthy: passed (" + from.name() + " Healthy at " + last.shortRevision() + ")");
            CommitSignature signed = context.signatures.check(context, to, last.revision(),
                    "the release to promote (the commit '" + from.name() + "' runs)");
            if (signed != null) {
                checks.add("source signature: " + (signed.verified() ? "verified, " + signed.describeSigner()
                        : signed.status().name().toLowerCase(java.util.Locale.ROOT) + " (warn)"));
            }
            int drifted = PromotionChecks.drifted(context, target, from, last);
            if (drifted > 0) {
                throw new InvalidInputException("promotion refused: '" + from.name() + "' is not in sync with its last "
                        + "deployment (" + drifted + " object(s) drifted); sync or heal it first");
            }
            checks.add("source in sync: passed");
            return last;
        }
    }

    /** The edit on top of the current tip, checked before it is pushed: it deploys the release and passes policies. */
    private Map<String, byte[]> promotedFiles(SourceTree tip, Environment to, ReleaseDiff diff, Repository.Snapshot head,
            String actor) {
        ReleaseEdit edit = new ReleaseWriter().edit(tip, to.path(), to.name(), diff.toWrite());
        edit.notes().forEach(n -> context.listener.progress("  note: " + n));
        DesiredState promoted = context.renderers.render(new EditedTree(tip, edit.files()), to, to.variables(), "promotion");
        Release release = Release.of(promoted);
        for (ImageChange change : diff.changes()) {
            boolean deployed = release.images().stream().anyMatch(i -> i.toString().equals(change.newRef()));
            if (!deployed) {
                throw new InvalidInputException("promotion refused: after editing " + to.path() + ", '" + to.name()
                        + "' would still not run " + change.newRef() + " (a variable in gitops.yaml may override the "
                        + ".env file); change it by hand");
            }
        }
        io.jenkins.plugins.gitops.engine.policy.PolicyReport policies = new PolicyChecker(to.policies()).check(promoted);
        if (policies.blocked()) {
            new Notices(context).policyViolation(head.config(), to, null, policies.errors(), true, "promote", actor);
        }
        policies.enforce();
        return edit.files();
    }

    private String recordUnsynced(Environment to, PromoteRequest request, String commit, DesiredState toState,
            Instant started, CommitSignature signature, String windowOverride) {
        try (Target target = context.targets.open(to)) {
            DeploymentRecord record = new DeploymentRecord(io.jenkins.plugins.gitops.engine.history.DeploymentIds.next(started),
                    to.name(), Operation.PROMOTE, commit, ReleaseExtractor.release(toState), request.trigger(),
                    request.actor(), started, Instant.now(), DeploymentRecord.Result.SUCCEEDED,
                    "promotion pushed, not synced" + approval(request), DeploymentRecord.Counts.NONE, null, List.of(), null,
                    List.of(), signature == null ? null : signature.recordValue()).withWindowOverride(windowOverride);
            context.history(target, to).append(record);
            return record.id();
        }
    }

    private static String approval(PromoteRequest request) {
        return request.approvedBy() == null ? "" : " approved by " + request.approvedBy();
    }
}
