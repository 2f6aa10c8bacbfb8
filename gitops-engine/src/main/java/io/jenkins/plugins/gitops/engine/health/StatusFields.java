package io.jenkins.plugins.gitops.engine.health;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads from a live manifest's metadata, spec and status (numbers may arrive as Integer or Long). */
final class StatusFields {
    private StatusFields() {
    }

    /** A number at a path, or {@code fallback} when absent or not a number. */
    static long number(Map<String, Object> manifest, long fallback, String... path) {
        Object value = Manifests.get(manifest, path);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    static boolean present(Map<String, Object> manifest, String... path) {
        return Manifests.get(manifest, path) != null;
    }

    static String string(Map<String, Object> manifest, String... path) {
        String value = Manifests.string(manifest, path);
        return value == null ? "" : value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
    }

    /** The {@code status.conditions} entry of a type, if present. */
    static Optional<Map<String, Object>> condition(Map<String, Object> manifest, String type) {
        return list(Manifests.get(manifest, "status", "conditions")).stream()
                .filter(c -> type.equals(String.valueOf(c.get("type")))).findFirst();
    }

    static boolean conditionTrue(Map<String, Object> manifest, String type) {
        return condition(manifest, type).map(c -> "True".equalsIgnoreCase(String.valueOf(c.get("status"))))
                .orElse(false);
    }

    static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : String.valueOf(value);
    }

    /** True when the controller has not yet seen the latest spec ({@code generation > observedGeneration}). */
    static boolean specNotObserved(Map<String, Object> manifest) {
        long generation = number(manifest, 0, "metadata", "generation");
        long observed = number(manifest, 0, "status", "observedGeneration");
        return observed == 0 && generation > 0 || generation > observed;
    }
}
