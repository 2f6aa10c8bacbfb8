package io.jenkins.plugins.gitops;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.engine.api.PreviewResult;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentEntry;
import io.jenkins.plugins.gitops.engine.pipeline.PreviewArguments;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code gitopsPreview} does once its arguments are known: open the engine in the run's
 * credentials context (the template environment's target credentials serve its previews), create or
 * delete, record the preview on the build page ({@link DeploymentAction}) and for the
 * {@link PreviewCleanup} listener ({@link PreviewAction}), and return the result map.
 */
final class PreviewRunner {
    private static final String STEP = "gitopsPreview";

    private PreviewRunner() {
    }

    /** @param holder who takes the preview's lock (the step's flow node) */
    static Map<String, Object> run(PreviewArguments arguments, Run<?, ?> run, TaskListener log, String holder)
            throws AbortException {
        Failures.valid(STEP, () -> arguments.validate(STEP));
        Instant started = Instant.now();
        String actor = Actors.of(run);
        return EngineSession.use(STEP, arguments.repository(), arguments.credentialsId(), arguments.targetCredentialsId(),
                List.of(arguments.environment()), CredentialsLookup.forRun(run, holder), log, session -> {
            PreviewResult result = arguments.delete()
                    ? session.gitOps().previewDelete(arguments.environment(), arguments.effectiveId())
                    : session.gitOps().previewCreate(arguments.toRequest(actor));
            String repository = session.repository().getUrl();
            String recordId = DeploymentAction.of(run).add(id -> DeploymentEntry.builder(id,
                    arguments.delete() ? "preview delete" : "preview", result.name(), started).repository(repository)
                    .actor(actor).sync(result.sync()).revision(result.sync().revision())
                    .message(result.url() == null ? result.sync().message() : "preview URL: " + result.url()).build());
            PreviewAction.record(run, session.repository().getUrl(), arguments.environment(), result.id(), result.url(),
                    arguments.delete());
            if (arguments.delete()) {
                PreviewListing.deleted(repository, arguments.environment(), result.id());
            } else {
                PreviewListing.created(repository, result, Instant.now());
            }
            if (result.url() != null) {
                session.listener().progress(STEP + ": preview " + result.name() + " at " + result.url());
            }
            if (!result.succeeded()) {
                throw new AbortException(STEP + " " + result.name() + " failed: " + session.mask(result.sync().message()));
            }
            return PreviewArguments.result(result, recordId);
        });
    }
}
