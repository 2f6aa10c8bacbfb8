package io.jenkins.plugins.gitops;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.engine.api.PreviewResult;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.pipeline.LeaseHolders;
import java.util.List;

/**
 * For {@link DriftWork}: deletes the previews idle past their environment's {@code preview.ttl}, one
 * session per template environment so that its previews use its target credentials.
 */
final class PreviewExpiry {
    private PreviewExpiry() {
    }

    static void run(String repository, ProjectConfig project, TaskListener listener) {
        project.previews().forEach((environment, spec) -> {
            if (spec.ttl() == null) {
                return;
            }
            try {
                List<PreviewResult> deleted = EngineSession.use("preview expiry", repository, null, null,
                        List.of(environment), CredentialsLookup.global(LeaseHolders.driftWorker(Controller.id())), listener,
                        session -> session.gitOps().previewPrune(environment, null));
                deleted.forEach(d -> listener.getLogger().println("Deleted preview " + d.name() + " of " + environment
                        + ": idle past its ttl"));
            } catch (AbortException e) {
                listener.error(e.getMessage());
            }
        });
    }
}
