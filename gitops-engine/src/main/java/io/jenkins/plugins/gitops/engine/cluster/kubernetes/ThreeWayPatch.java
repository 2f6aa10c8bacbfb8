package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fabric8.zjsonpatch.DiffFlags;
import io.fabric8.zjsonpatch.JsonDiff;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes the update of a live object. First a three-way JSON merge patch (RFC 7386): every field of
 * the desired manifest, plus {@code null} for each field that was in the last-applied manifest but is
 * no longer desired; fields set by others (server defaults, controllers, other tools) stay.
 * <p>
 * It is sent as the equivalent RFC 6902 JSON patch (live to merged), because fabric8's mock server
 * applies merge patches with Jackson's reader-for-updating, which appends to arrays and stores nulls
 * instead of removing. The JSON patch is exact on both, and it carries the live
 * {@code metadata.resourceVersion} so a real API server refuses it with 409 when the object changed
 * after we read it (the executor retries).
 */
final class ThreeWayPatch {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ThreeWayPatch() {
    }

    /** The merge patch from last-applied (may be null) to desired. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mergePatch(Map<String, Object> lastApplied, Map<String, Object> desired) {
        Map<String, Object> patch = new LinkedHashMap<>();
        desired.forEach((key, value) -> {
            Object before = lastApplied == null ? null : lastApplied.get(key);
            if (value instanceof Map<?, ?> map) {
                patch.put(key, mergePatch(before instanceof Map<?, ?> b ? (Map<String, Object>) b : null,
                        (Map<String, Object>) map));
            } else {
                patch.put(key, value);
            }
        });
        if (lastApplied != null) {
            lastApplied.keySet().stream().filter(k -> !desired.containsKey(k)).forEach(k -> patch.put(k, null));
        }
        return patch;
    }

    /** RFC 7386: applies a merge patch to a document (copy; the input is not changed). */
    @SuppressWarnings("unchecked")
    static Object apply(Object target, Object patch) {
        if (!(patch instanceof Map<?, ?> patchMap)) {
            return patch;
        }
        Map<String, Object> result = target instanceof Map<?, ?> t ? Manifests.mutableCopy((Map<String, Object>) t)
                : new LinkedHashMap<>();
        ((Map<String, Object>) patchMap).forEach((key, value) -> {
            if (value == null) {
                result.remove(key);
            } else {
                result.put(key, apply(result.get(key), value));
            }
        });
        return result;
    }

    /** The live object after the three-way merge. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merged(Map<String, Object> lastApplied, Map<String, Object> desired,
            Map<String, Object> live) {
        return (Map<String, Object>) apply(live, mergePatch(lastApplied, desired));
    }

    /**
     * RFC 6902 operations turning live into merged, with a resourceVersion guard first; empty (no
     * operations at all) when nothing changes.
     */
    static ArrayNode jsonPatch(Map<String, Object> live, Map<String, Object> merged) {
        JsonNode from = normalised(live);
        JsonNode to = normalised(merged);
        JsonNode diff = JsonDiff.asJson(from, to, EnumSet.of(DiffFlags.OMIT_MOVE_OPERATION, DiffFlags.OMIT_COPY_OPERATION));
        ArrayNode ops = JSON.createArrayNode();
        if (diff.isEmpty()) {
            return ops;
        }
        JsonNode resourceVersion = from.path("metadata").path("resourceVersion");
        if (resourceVersion.isTextual()) {
            ops.addObject().put("op", "replace").put("path", "/metadata/resourceVersion")
                    .put("value", resourceVersion.asText());
        }
        ops.addAll((ArrayNode) diff);
        return ops;
    }

    /** Through JSON text, so YAML integers and API longs compare equal. */
    private static JsonNode normalised(Map<String, Object> manifest) {
        try {
            return JSON.readTree(JSON.writeValueAsString(manifest));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest is not serialisable", e);
        }
    }
}
