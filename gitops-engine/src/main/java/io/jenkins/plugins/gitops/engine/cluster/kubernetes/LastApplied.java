package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The desired manifest as last applied, kept on the live object in annotation {@link #ANNOTATION} so
 * the next update can remove fields that were dropped from Git (a three-way merge, like kubectl's
 * {@code last-applied-configuration}). Secret values are never stored: {@code data}/{@code stringData}
 * values are replaced by their SHA-256.
 */
final class LastApplied {
    static final String ANNOTATION = "gitops.jenkins.io/last-applied";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LastApplied() {
    }

    /** A copy of the desired manifest carrying the last-applied annotation (computed without it). */
    static Map<String, Object> annotate(Resource desired) {
        Map<String, Object> manifest = desired.mutableManifest();
        Map<String, Object> recorded = Manifests.mutableCopy(manifest);
        Object annotations = Manifests.get(recorded, "metadata", "annotations");
        if (annotations instanceof Map<?, ?> map) {
            map.remove(ANNOTATION);
            if (map.isEmpty()) {
                Manifests.ensureMap(recorded, "metadata").remove("annotations");
            }
        }
        if (isSecret(desired)) {
            hashValues(recorded, "data");
            hashValues(recorded, "stringData");
        }
        Manifests.ensureMap(manifest, "metadata", "annotations").put(ANNOTATION, toJson(recorded));
        return manifest;
    }

    /**
     * The desired manifest as the three-way merge should see it: annotated, and for Secrets with an
     * empty {@code data} when it sets none, so removals inside data stay per key.
     */
    static Map<String, Object> desiredForMerge(Resource desired) {
        Map<String, Object> manifest = annotate(desired);
        if (isSecret(desired)) {
            manifest.putIfAbsent("data", new LinkedHashMap<String, Object>());
        }
        return manifest;
    }

    /** The last-applied manifest recorded on a live object, or null when none (created by someone else). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Resource live) {
        String json = live.annotations().get(ANNOTATION);
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(json, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            return null; // edited by hand into something unreadable: fall back to a two-way patch
        }
    }

    /**
     * The last-applied manifest as the three-way merge should see it. For Secrets, {@code stringData}
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

    @SuppressWarnings("unchecked")
    private static void hashValues(Map<String, Object> manifest, String field) {
        Object values = manifest.get(field);
        if (values instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).replaceAll((k, v) -> v == null ? null : "sha256:" + sha256(String.valueOf(v)));
        }
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest is not serialisable", e);
        }
    }
}
