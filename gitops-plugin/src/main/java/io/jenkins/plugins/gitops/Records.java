package io.jenkins.plugins.gitops;

import hudson.model.Run;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentEntry;
import io.jenkins.plugins.gitops.engine.pipeline.LifecycleResult;
import java.time.Instant;

/** Adds the entry of a promotion or rollback to the run's {@link DeploymentAction}. */
final class Records {
    private Records() {
    }

    /** @return the entry's id, returned by the step as {@code recordId} */
    static String add(Run<?, ?> run, String operation, EngineSession session, LifecycleResult result, String actor,
            String approvedBy, Instant started) {
        return DeploymentAction.of(run).add(id -> entry(id, operation, session.repository().getUrl(), result, actor,
                approvedBy, started));
    }

    /** The entry of a promotion or rollback, with its sync's counts and objects when one ran. */
    static DeploymentEntry entry(String id, String operation, String repository, LifecycleResult result, String actor,
            String approvedBy, Instant started) {
        DeploymentEntry.Builder entry = DeploymentEntry.builder(id, operation, result.environment(), started)
                .repository(repository).actor(actor).approvedBy(approvedBy);
        if (result.sync() != null) {
            entry.sync(result.sync());
        }
        return entry.revision(result.revision()).release(result.images()).message(result.message()).build();
    }
}
