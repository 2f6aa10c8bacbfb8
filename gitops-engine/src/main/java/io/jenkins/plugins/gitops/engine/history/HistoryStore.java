package io.jenkins.plugins.gitops.engine.history;

import java.util.List;
import java.util.Optional;

/** Where deployment records are kept. Implementations are safe for concurrent use. */
public interface HistoryStore {
    /** Adds a record as the newest of its environment. */
    void append(DeploymentRecord record);

    /** The environment's records, newest first (empty when there are none). */
    List<DeploymentRecord> list(String environment);

    /**
     * The records delivery metrics read, newest first: {@link #list} plus compact summaries (no release,
     * message, diff summary or hooks) of older records a store keeps beyond its full ones. Default: {@link #list}.
     */
    default List<DeploymentRecord> deployments(String environment) {
        return list(environment);
    }

    /**
     * The record with this id, or whose id starts with it, or the newest whose revision starts with
     * it (at least 4 characters).
     *
     * @throws io.jenkins.plugins.gitops.engine.InvalidInputException when the prefix matches several records
     *                                                               of different ids or revisions
     */
    default Optional<DeploymentRecord> find(String environment, String idOrRevisionPrefix) {
        return HistoryQuery.find(environment, list(environment), idOrRevisionPrefix);
    }
}
