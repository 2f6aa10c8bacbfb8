package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gitops.engine.cluster.TargetException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns fabric8 errors into {@link TargetException}s that name the action, the object and the API's
 * own message, retryable by HTTP status. For Secrets the cause is dropped and every secret value
 * (plain and base64) is cut out of the message: API servers may echo invalid values back.
 */
final class ApiErrors {
    private ApiErrors() {
    }

    static TargetException failure(String action, KubernetesClientException e, boolean secret) {
        return failure(action, e, secret ? Set.of() : null);
    }

    /**
     * @param secretValues values to cut from the message; non-null means the object is a Secret (cause dropped)
     */
    static TargetException failure(String action, KubernetesClientException e, Collection<String> secretValues) {
        String apiMessage = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : e.getMessage();
        String message = action + " failed: " + (e.getCode() > 0 ? "HTTP " + e.getCode() + ": " : "") + apiMessage;
        if (secretValues == null) {
            return new TargetException(message, TargetException.retryableStatus(e.getCode()), e);
        }
        return new TargetException(redact(message, secretValues), TargetException.retryableStatus(e.getCode()), null);
    }

    /** Every value of a Secret manifest's data (base64 and decoded) and stringData. */
    static Set<String> secretValues(Map<String, Object> manifest) {
        Set<String> values = new LinkedHashSet<>();
        if (manifest.get("data") instanceof Map<?, ?> data) {
            for (Object v : data.values()) {
                if (v != null) {
                    values.add(String.valueOf(v));
                    try {
                        values.add(new String(Base64.getDecoder().decode(String.valueOf(v)), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException notBase64) {
                        // the API rejects it; the raw value is already covered
                    }
                }
            }
        }
        if (manifest.get("stringData") instanceof Map<?, ?> stringData) {
            stringData.values().stream().filter(v -> v != null).forEach(v -> values.add(String.valueOf(v)));
        }
        return values;
    }

    static String redact(String message, Collection<String> secretValues) {
        String out = message;
        // longest first, so a value containing another is cut whole
        for (String value : secretValues.stream().filter(v -> v.length() >= 3)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            out = out.replace(value, "<redacted>");
        }
        return out;
    }
}
