package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.api.SyncResult;
import java.util.List;

/**
 * What a promotion or rollback did.
 *
 * @param environment the environment changed ({@code to} of a promotion)
 * @param commitId    the commit written to the GitOps repository, or null when none was (direct rollback)
 * @param revision    the revision the environment now points at
 * @param images      the release: image references now in the environment
 * @param message     one line for the log and the build page
 * @param sync        the sync that followed, or null when none ran
 */
public record LifecycleResult(String environment, String commitId, String revision, List<String> images,
        String message, SyncResult sync) {
    public LifecycleResult {
        images = images == null ? List.of() : List.copyOf(images);
    }
}
