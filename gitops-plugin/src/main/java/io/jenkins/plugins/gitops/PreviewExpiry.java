package io.jenkins.plugins.gitops;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.engine.api.PreviewInfo;
import io.jenkins.plugins.gitops.engine.api.PreviewResult;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.pipeline.LeaseHolders;
import java.time.Instant;
import java.util.List;

/**
 * For {@link DriftWork}: deletes the previews idle past their environment's {@code preview.ttl}, then lists
 * the previews of every environment with {@code preview:} for the job pages ({@link PreviewListing}), one
 * session per template environment so that its previews use its target credentials.
 */
final class PreviewExpiry {
    private PreviewExpiry() {
    }

    static void run(String repository, ProjectConfig project, TaskListener listener) {
        project.previews().forEach((environment, spec) -> {
            try {
                List<PreviewInfo> listed = EngineSession.use("preview expiry", repository, null, null,
                        List.of(environment), CredentialsLookup.global(LeaseHolders.driftWorker(Controller.id())), listener,
                        session -> {
                            if (spec.ttl() != null) {
                                List<PreviewResult> deleted = session.gitOps().previewPrune(environment, null);
                                deleted.forEach(d -> listener.getLogger().println("Deleted preview " + d.name() + " of "
                                        + environment + ": idle past its ttl"));
                            }
                            return session.gitOps().previews(environment);
                        });
                PreviewListing.listed(repository, environment, listed, Instant.now());
            } catch (AbortException e) {
                listener.error(e.getMessage());
            }
        });
    }
}
