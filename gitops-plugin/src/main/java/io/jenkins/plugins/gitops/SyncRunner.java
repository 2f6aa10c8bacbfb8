package io.jenkins.plugins.gitops;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentEntry;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentText;
import io.jenkins.plugins.gitops.engine.pipeline.StepResults;
import io.jenkins.plugins.gitops.engine.pipeline.SyncArguments;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@code gitopsSync} and {@code gitopsDiff} do once their arguments are known: open the engine
 * in the run's credentials context, sync or diff, log, record a sync on the build, and return the
 * result map. A failed sync is recorded and then fails the step with the engine's message.
 */
final class SyncRunner {
    private SyncRunner() {
    }

    /**
     * @param holder   who takes the environment's lock (stable for this step across restarts)
     * @param resolved the commit an earlier run of this step resolved, or null to resolve the revision now
     * @param keep     told the commit resolved now, before anything is written, so a resumed step deploys it
     */
    static Map<String, Object> run(String step, SyncArguments arguments, Run<?, ?> run, TaskListener log, String holder,
            String resolved, Consumer<String> keep) throws AbortException {
        Failures.valid(step, () -> arguments.validate(step));
        Instant started = Instant.now();
        String actor = Actors.of(run);
        return EngineSession.use(step, arguments.repository(), arguments.credentialsId(), arguments.targetCredentialsId(),
                List.of(arguments.environment()), CredentialsLookup.forRun(run, holder), log, session -> {
            SyncRequest request = arguments.toRequest(actor);
            if (!arguments.dryRun()) {
                String commit = resolved != null ? resolved : session.gitOps().resolveRevision(arguments.revision());
                if (commit != null) {
                    keep.accept(commit);
                    request = request.withRevision(commit);
                }
            }
            SyncResult result = arguments.dryRun() ? session.gitOps().diff(request) : session.gitOps().sync(request);
            BuildLog.print(session.listener(), arguments.dryRun() ? DeploymentText.diff(result) : DeploymentText.summary(result));
            if (Thread.currentThread().isInterrupted()) {
                // stopped or shutting down: the engine's history keeps this sync; the build does not record it
                throw new AbortException(step + " " + arguments.environment() + " was interrupted: " + result.message());
            }
            String recordId = null;
            if (!result.dryRun()) {
                String url = session.repository().getUrl();
                recordId = DeploymentAction.of(run).add(id -> DeploymentEntry.ofSync(id, "sync", url, result, actor, started));
            }
            if (!result.succeeded()) {
                throw new AbortException(step + " " + arguments.environment() + " failed: " + session.mask(result.message()));
            }
            return StepResults.of(result, recordId);
        });
    }
}
