package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.history.ContentDigest;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.model.Environment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What "roll back to previous" means: the newest successful deployment before the current one whose
 * release (the whole rendered content, {@link ContentDigest}) differs from what runs now. A sync that
 * only healed drift, or re-applied the same content from a later commit, is no release to go back to.
 * Records written before digests existed are compared by rendering their revision again.
 */
final class PreviousRelease {
    private final EngineContext context;
    private final Environment environment;
    private final Map<String, String> renderedDigests = new HashMap<>();

    PreviousRelease(EngineContext context, Environment environment) {
        this.context = context;
        this.environment = environment;
    }

    /**
     * @param newestFirst the environment's records
     * @throws InvalidInputException when no successful deployment is recorded
     * @throws OperationFailedException when every earlier successful deployment runs what runs now
     */
    DeploymentRecord find(List<DeploymentRecord> newestFirst) {
        List<DeploymentRecord> applied = newestFirst.stream().filter(Records::applied).toList();
        if (applied.isEmpty()) {
            throw new InvalidInputException("rollback of '" + environment.name() + "': no successful deployment "
                    + "recorded, so there is no 'previous' one; name a revision");
        }
        DeploymentRecord current = applied.get(0);
        String now = digest(current);
        for (DeploymentRecord candidate : applied.subList(1, applied.size())) {
            String then = digest(candidate);
            boolean differs = now != null && then != null ? !now.equals(then)
                    : !Objects.equals(candidate.revision(), current.revision());
            if (differs) {
                return candidate;
            }
        }
        throw new OperationFailedException("rollback of '" + environment.name() + "' to previous: nothing to roll back"
                + " to, nothing was changed: " + (applied.size() == 1 ? "only one successful deployment is recorded"
                : "all " + applied.size() + " recorded successful deployments run the same release as now")
                + " (record " + current.id() + ", revision " + current.shortRevision() + "); name an older record or"
                + " revision to go back to it");
    }

    /** The record's digest; for records without one, that of its revision rendered again (null if that fails). */
    private String digest(DeploymentRecord record) {
        if (record.contentDigest() != null) {
            return record.contentDigest();
        }
        if (record.revision() == null) {
            return null;
        }
        return renderedDigests.computeIfAbsent(record.revision(), revision -> {
            try {
                return ContentDigest.of(context.render(context.repository.snapshot(revision), environment, Map.of()));
            } catch (GitOpsException e) {
                return null; // gone from Git, or needs variables only the original sync had: compare revisions
            }
        });
    }
}
