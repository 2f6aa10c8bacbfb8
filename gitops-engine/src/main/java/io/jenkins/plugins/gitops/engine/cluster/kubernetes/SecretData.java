package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secret {@code stringData} is write-only: the API server folds it into base64 {@code data} and
 * never returns it. Folding it the same way before the diff means a Secret written with stringData
 * compares equal to what the server returns, so a no-op sync stays a no-op on real clusters.
 */
final class SecretData {
    private SecretData() {
    }

    static void foldStringData(ResourceKey key, Map<String, Object> manifest) {
        if (!key.group().isEmpty() || !"Secret".equals(key.kind()) || !(manifest.get("stringData") instanceof Map<?, ?> plain)) {
            return;
        }
        if (plain.values().stream().anyMatch(v -> v != null && !(v instanceof String))) {
            return; // the API server refuses a non-string stringData value; left for the schema check to report
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (manifest.get("data") instanceof Map<?, ?> existing) {
            existing.forEach((k, v) -> data.put(String.valueOf(k), v));
        }
        plain.forEach((k, v) -> data.put(String.valueOf(k), v == null ? null
                : Base64.getEncoder().encodeToString(String.valueOf(v).getBytes(StandardCharsets.UTF_8))));
        manifest.remove("stringData");
        manifest.put("data", data);
    }
}
