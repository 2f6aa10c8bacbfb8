package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The small maps the steps return to a Jenkinsfile ({@code def r = gitopsSync ...; echo r.revision}).
 * Only strings, numbers, booleans and lists of strings, so they survive Pipeline's serialisation
 * and script security; never a secret.
 */
public final class StepResults {
    private StepResults() {
    }

    /**
     * revision, created, updated, deleted, unchanged, health, recordId (build), deploymentId (engine history),
     * succeeded, inSync, message, signer (null when the environment does not verify signatures), ...
     */
    public static Map<String, Object> of(SyncResult result, String recordId) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("environment", result.environment());
        map.put("revision", result.revision());
        map.put("created", result.created());
        map.put("updated", result.updated());
        map.put("deleted", result.deleted());
        map.put("unchanged", result.unchanged());
        map.put("health", result.health());
        map.put("recordId", recordId);
        // the id of the engine's deployment record, kept in the target: what gitopsRollback(to:) accepts
        map.put("deploymentId", result.recordId());
        map.put("succeeded", result.succeeded());
        map.put("dryRun", result.dryRun());
        map.put("inSync", result.inSync());
        map.put("message", result.message());
        map.put("signer", result.signer());
        return map;
    }

    /** environment, revision, commitId, images, message, recordId, plus the sync's counts when it ran. */
    public static Map<String, Object> of(LifecycleResult result, String recordId) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (result.sync() != null) {
            map.putAll(of(result.sync(), recordId));
        }
        map.put("environment", result.environment());
        map.put("revision", result.revision());
        map.put("commitId", result.commitId());
        map.put("images", new ArrayList<>(result.images()));
        map.put("message", result.message());
        map.put("recordId", recordId);
        map.putIfAbsent("health", "Unknown");
        return map;
    }

    /** environment, revision, headRevision, health, inSync, behindGit, pinned, lastSync (ISO-8601 or null). */
    public static Map<String, Object> of(EnvironmentStatus status) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("environment", status.environment());
        map.put("revision", status.revision());
        map.put("headRevision", status.headRevision());
        map.put("health", status.health());
        map.put("inSync", status.inSync());
        map.put("behindGit", status.behindGit());
        map.put("pinned", status.pinned());
        map.put("lastSync", status.lastSync() == null ? null : status.lastSync().toString());
        return map;
    }

    /**
     * {@link #of(EnvironmentStatus)} plus {@code delivery}: the environment's delivery figures as
     * {@link DeliveryMetrics#asMap()} gives them (the names of {@code gitops metrics --output json}: {@code
     * deploymentsPerDay}, {@code leadTimeMedianSeconds}, {@code leadTimeP90Seconds}, {@code changeFailureRate},
     * {@code timeToRestoreMedianSeconds}, a {@code ...Band} per figure, counts), or null when they could not be
     * computed. A map of strings, numbers, booleans and nulls, so it survives CPS serialisation and the sandbox.
     */
    public static Map<String, Object> of(EnvironmentStatus status, DeliveryMetrics delivery) {
        Map<String, Object> map = of(status);
        map.put("delivery", delivery == null ? null : delivery.asMap());
        return map;
    }
}
