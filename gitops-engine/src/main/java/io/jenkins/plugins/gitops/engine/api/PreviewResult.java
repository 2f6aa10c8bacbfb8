package io.jenkins.plugins.gitops.engine.api;

/**
 * What creating, updating or deleting a preview did.
 *
 * @param environment the template environment
 * @param id          the change-request id
 * @param name        the preview's environment name, namespace or stack
 * @param url         where the preview answers; null when gitops.yaml gives no {@code preview.host}
 *                    (or, on Swarm, no service publishes a port)
 * @param sync        the sync (create) or prune (delete) of the preview's objects
 */
public record PreviewResult(String environment, String id, String name, String url, SyncResult sync) {
    public boolean succeeded() {
        return sync.succeeded();
    }
}
