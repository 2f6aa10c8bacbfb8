package io.jenkins.plugins.gitops.engine.api;

import java.util.List;

/**
 * The result of a promotion or rollback: the commit written (null when none was needed), the
 * revision deployed, what changed in the release, the record id, and the sync when one ran.
 */
public record OperationResult(String environment, String operation, String recordId, String commitId,
        String revision, List<String> changes, String message, SyncResult sync) {
    public OperationResult {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public boolean succeeded() {
        return sync == null || sync.succeeded();
    }
}
