package io.jenkins.plugins.gitops.engine.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The Git side of lead time: which commits a deployment brought to an environment, and when each was
 * authored. Backed by {@link io.jenkins.plugins.gitops.engine.source.GitSource#authorTimes} in the facade.
 */
@FunctionalInterface
public interface CommitLog {
    /** No Git history (a plain folder): lead time is not computed. */
    CommitLog NONE = (revision, deployedBefore) -> Map.of();

    /**
     * Author times of the commits reachable from {@code revision} and from none of {@code deployedBefore}
     * (the revisions the environment ran earlier), keyed by commit id; only {@code revision} itself when
     * {@code deployedBefore} is empty; empty when {@code revision} is unknown.
     */
    Map<String, Instant> newCommits(String revision, Collection<String> deployedBefore);
}
