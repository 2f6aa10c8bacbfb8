package io.jenkins.plugins.gitops.engine.diff;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.util.List;
import java.util.Map;

/**
 * Which values are secret and how they are shown: Kubernetes Secret {@code data}/{@code stringData},
 * Swarm secret {@code Data}. A secret value is never shown, only whether it changed.
 */
public final class Redaction {
    public static final String REDACTED = "<redacted>";
    public static final String REDACTED_CHANGED = "<redacted, differs>";

    private static final List<String> SECRET_ROOTS = List.of("/data", "/stringData", "/Data");

    private Redaction() {
    }

    public static boolean isSecret(ResourceKey key) {
        return key.kind().equals("Secret");
    }

    /** Whether the value at this pointer of an object of this kind is secret. */
    public static boolean isSecretPointer(ResourceKey key, String pointer) {
        return isSecret(key) && SECRET_ROOTS.stream().anyMatch(root -> pointer.equals(root) || pointer.startsWith(root + "/"));
    }

    /** A copy of a manifest with every secret value replaced by {@link #REDACTED}. */
    public static Map<String, Object> redact(ResourceKey key, Map<String, Object> manifest) {
        if (!isSecret(key)) {
            return manifest;
        }
        Map<String, Object> copy = Manifests.mutableCopy(manifest);
        for (String field : List.of("data", "stringData", "Data")) {
            Object value = copy.get(field);
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> values = (Map<String, Object>) map;
                values.replaceAll((k, v) -> REDACTED);
            } else if (value != null) {
                copy.put(field, REDACTED);
            }
        }
        return copy;
    }
}
