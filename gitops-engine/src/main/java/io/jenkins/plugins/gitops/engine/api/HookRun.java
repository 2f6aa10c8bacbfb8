package io.jenkins.plugins.gitops.engine.api;

/**
 * One hook of a sync or diff, as plain strings for JSON, build pages, logs and deployment records.
 *
 * @param phase   {@code PreSync}, {@code Sync}, {@code PostSync} or {@code SyncFail}
 * @param wave    the hook's wave within its phase
 * @param result  {@code succeeded}, {@code failed} or {@code not run} (dry runs: would run)
 * @param message the hook's reason when it failed, or a short note
 * @param deleted whether its delete policy deleted it after it ran
 */
public record HookRun(String phase, String kind, String namespace, String name, String source, int wave, String result,
        String message, boolean deleted) {

    public String id() {
        return kind + "/" + (namespace == null || namespace.isEmpty() ? "" : namespace + "/") + name;
    }

    /** {@code PreSync Job/shop/shop-migrate: succeeded}: one line of a deployment record. */
    public String line() {
        return phase + " " + id() + ": " + result + (deleted ? " (deleted)" : "");
    }
}
