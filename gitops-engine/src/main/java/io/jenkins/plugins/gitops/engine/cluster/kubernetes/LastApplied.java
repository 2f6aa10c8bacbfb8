package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inputs of the three-way merge ({@link ThreeWayPatch}) around what was last applied, which
 * {@link ManagedFields} records as field names only (no copy of the object, no values). Secret
 * {@code stringData} is folded into {@code data} before anything is written, so removals stay per key.
 */
public final class LastApplied {
    private LastApplied() {
    }

    /**
     * The desired manifest as the three-way merge should see it: annotated with its managed fields, and
     * for Secrets with an empty {@code data} when it sets none, so removals inside data stay per key.
     */
    static Map<String, Object> desiredForMerge(Resource desired) {
        Map<String, Object> manifest = ManagedFields.annotate(desired);
        if (isSecret(desired)) {
            manifest.putIfAbsent("data", new LinkedHashMap<String, Object>());
        }
        return manifest;
    }

    /**
     * The last-applied fields as the three-way merge should see it. For Secrets, {@code stringData}
     * is write-only (the server folds it into {@code data}), so a key dropped from stringData must be
     * removed from data; a key still set through either field must not be.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> forMerge(Resource desired, Map<String, Object> lastApplied) {
        if (lastApplied == null || !isSecret(desired)) {
            return lastApplied;
        }
        Map<String, Object> copy = Manifests.mutableCopy(lastApplied);
        Object stringData = copy.remove("stringData");
        Map<String, Object> wanted = Manifests.mutableCopy(desired.manifest());
        Object desiredStringData = wanted.get("stringData");
        Map<String, Object> data = Manifests.ensureMap(copy, "data");
        if (stringData instanceof Map<?, ?> old) {
            ((Map<String, Object>) old).keySet().forEach(k -> data.putIfAbsent(k, "removed"));
        }
        if (desiredStringData instanceof Map<?, ?> still) {
            still.keySet().forEach(data::remove);
        }
        return copy;
    }

    static boolean isSecret(Resource r) {
        return r.key().group().isEmpty() && "Secret".equals(r.kind());
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
