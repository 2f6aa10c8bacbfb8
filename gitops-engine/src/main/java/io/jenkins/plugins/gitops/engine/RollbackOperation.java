package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.api.OperationResult;
import io.jenkins.plugins.gitops.engine.api.RollbackRequest;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Operation;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.source.PushResult;
import io.jenkins.plugins.gitops.engine.verify.EngineCommitSigner;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Goes back to a recorded deployment. {@code REVERT} (default) writes a commit that makes the
 * environment's folder what it was at the chosen revision, checks that it renders the same objects,
 * pushes (retrying on concurrent pushes) and syncs it, so Git stays the truth and no self-heal undoes
 * the rollback. {@code DIRECT} applies the chosen revision as it is and pins the environment.
 */
final class RollbackOperation {
    private static final int PUSH_ATTEMPTS = 5;
    private final EngineContext context;

    RollbackOperation(EngineContext context) {
        this.context = context;
    }

    OperationResult run(RollbackRequest request) {
        Repository.Snapshot head = context.repository.snapshot(null);
        Environment environment = context.signatures.withDeployedRule(context,
                head.config().environment(request.environment()), at -> at.config().environment(request.environment()));
        String windowOverride = new WindowGate(context).checkManual(head.config(), environment.name(), "rollback",
                request.overrideWindow(), request.actor());
        Chosen chosen = choose(environment, request.to());
        context.listener.progress("Rolling back '" + environment.name() + "' to " + chosen.describe() + " ("
                + request.mode().name().toLowerCase(java.util.Locale.ROOT) + ")");
        if (request.mode() == RollbackRequest.Mode.DIRECT) {
            SyncResult sync = new SyncOperation(context).withWindowOverride(windowOverride).run(SyncRequest.of(environment.name())
                    .withRevision(chosen.revision()).withTrigger(request.trigger(), request.actor()), Operation.ROLLBACK,
                    chosen.reference(), "direct rollback to " + chosen.describe() + ": pinned until Git catches up");
            return new OperationResult(environment.name(), "rollback", sync.recordId(), null, chosen.revision(), List.of(),
                    sync.succeeded() ? "applied " + chosen.describe() + " directly; the environment is pinned until Git catches up"
                            : sync.message(), sync);
        }
        EngineCommitSigner signer = context.signatures.signer(context, environment);
        signer.checkCanSign("rollback of '" + environment.name() + "' by a revert commit");
        context.signatures.check(context, environment, chosen.revision(), "the revision to roll back to");
        Repository.Snapshot wanted = context.repository.snapshot(chosen.revision());
        DesiredState wantedState = context.render(wanted, environment, Map.of());
        String message = "rollback(" + environment.name() + "): back to " + chosen.describe() + "\n\nEnvironment: "
                + environment.name() + "\nRevision: " + chosen.revision() + "\nRolled-Back-By: " + request.actor() + "\n";
        PushResult pushed = context.repository.git().commitAndPush(context.repository.git().defaultBranch(), message,
                author(request.actor()), tip -> revertEdits(environment, tip, wanted, wantedState), PUSH_ATTEMPTS, signer);
        String revision = pushed.commitId();
        context.listener.progress(pushed.changed() ? "  pushed revert commit " + revision.substring(0, 12) + " ("
                + pushed.changedPaths().size() + " file(s))" : "  Git already matches " + chosen.describe() + ": nothing to commit");
        SyncResult sync = new SyncOperation(context).withWindowOverride(windowOverride).run(SyncRequest.of(environment.name()).withRevision(revision)
                .withTrigger(request.trigger(), request.actor()), Operation.ROLLBACK, chosen.reference(),
                "rollback to " + chosen.describe());
        return new OperationResult(environment.name(), "rollback", sync.recordId(), pushed.changed() ? revision : null,
                revision, pushed.changedPaths(), sync.succeeded() ? "rolled back to " + chosen.describe() : sync.message(), sync);
    }

    /** The files of the environment folder as they were; refused when the folder alone cannot restore the objects. */
    private Map<String, byte[]> revertEdits(Environment environment, io.jenkins.plugins.gitops.engine.source.SourceTree tip,
            Repository.Snapshot wanted, DesiredState wantedState) {
        Map<String, byte[]> edits = Trees.editsToMatch(tip, wanted.tree(), environment.path());
        DesiredState after = context.renderers.render(new io.jenkins.plugins.gitops.engine.promote.EditedTree(tip, edits), environment, environment.variables(),
                wanted.revision().commitId());
        if (!Pins.sameObjects(after.resources(), wantedState.resources())) {
            throw new InvalidInputException("rollback of '" + environment.name() + "' to " + wanted.revision().shortId()
                    + ": restoring " + environment.path() + " alone does not give back the objects of that revision, "
                    + "because files outside the folder (shared bases, charts) changed since; revert those in Git, "
                    + "or use mode direct to apply the old revision and pin the environment");
        }
        return edits;
    }

    private Chosen choose(Environment environment, String to) {
        List<DeploymentRecord> records;
        try (Target target = context.targets.open(environment)) {
            records = context.history(target, environment).list(environment.name());
        }
        if (to == null || to.isBlank() || to.equals("previous")) {
            DeploymentRecord previous = new PreviousRelease(context, environment).find(records);
            return new Chosen(previous.revision(), previous.id());
        }
        Optional<DeploymentRecord> record = records.isEmpty() ? Optional.empty() : findQuietly(environment, records, to);
        if (record.isPresent()) {
            return new Chosen(record.get().revision(), record.get().id());
        }
        String revision = context.repository.snapshot(to).revision().commitId();
        return new Chosen(revision, revision);
    }

    private static Optional<DeploymentRecord> findQuietly(Environment environment, List<DeploymentRecord> records, String to) {
        return io.jenkins.plugins.gitops.engine.history.HistoryQuery.find(environment.name(), records, to);
    }

    static PersonIdent author(String actor) {
        String name = actor == null || actor.isBlank() ? "gitops" : actor;
        return new PersonIdent(name, name.replaceAll("[^A-Za-z0-9._-]", "_") + "@gitops.invalid");
    }

    private record Chosen(String revision, String reference) {
        String describe() {
            String shortRevision = revision.length() > 12 ? revision.substring(0, 12) : revision;
            return reference.equals(revision) ? shortRevision : shortRevision + " (record " + reference + ")";
        }
    }
}
