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
