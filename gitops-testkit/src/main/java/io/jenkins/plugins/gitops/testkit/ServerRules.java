package io.jenkins.plugins.gitops.testkit;

import io.jenkins.plugins.gitops.engine.cluster.kubernetes.ApiSchema;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.SchemaCheck;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.ApiSchema.Shape;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.ApiSchema.Type;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.SchemaCheck.Category;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.SchemaCheck.Problem;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a real API server does to an object written to it, as the in-process API imitates it:
 * <ul>
 * <li>decoding into the Go types refuses wrong JSON types and invalid base64 ({@code 400 BadRequest},
 * the first problem, as the server stops at it); with {@code fieldValidation=Strict} unknown fields too,
 * otherwise they are dropped;</li>
 * <li>validation refuses missing required fields and {@code metadata.annotations} over
 * {@value #MAX_ANNOTATIONS_BYTES} bytes in total ({@code 422 Invalid}, every problem);</li>
 * <li>what is stored has no null values and, in built-in kinds, no empty maps or lists
 * (Go's {@code omitempty}); objects ({@code emptyDir: {}}) are kept.</li>
 * </ul>
 * Sources: apimachinery's {@code ValidateAnnotations} (TotalAnnotationSizeLimitB = 256 KiB) and the
 * API server's strict/warn field validation.
 */
public final class ServerRules {
    /** The API server's limit on the total size of {@code metadata.annotations}, in bytes. */
    public static final int MAX_ANNOTATIONS_BYTES = 262_144;

    private ServerRules() {
    }

    /** A write the API server refuses: HTTP status, reason and message, as a Status body. */
    static final class Rejection extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int code;
        private final String reason;

        Rejection(int code, String reason, String message) {
            super(message);
            this.code = code;
            this.reason = reason;
        }

        int code() {
            return code;
        }

        String statusJson() {
            return Serialization.asJson(new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason)
                    .withMessage(getMessage()).build());
        }
    }

    /**
     * Checks an object being written and returns it as it would be stored; throws {@link Rejection}.
     *
     * @param strictFields whether the request asked {@code fieldValidation=Strict}
     */
    static Map<String, Object> admit(Map<String, Object> object, boolean strictFields) {
        String kind = String.valueOf(object.get("kind"));
        String apiVersion = String.valueOf(object.get("apiVersion"));
        List<Problem> problems = SchemaCheck.check(object);
        for (Problem p : problems) {
            if (p.category() == Category.TYPE || p.category() == Category.BASE64) {
                throw new Rejection(400, "BadRequest", kind + " in version \"" + version(apiVersion)
                        + "\" cannot be handled as a " + kind + ": " + p);
            }
            if (p.category() == Category.UNKNOWN_FIELD && strictFields) {
                throw new Rejection(400, "BadRequest", kind + " in version \"" + version(apiVersion)
                        + "\" cannot be handled as a " + kind + ": strict decoding error: unknown field \"" + p.field() + "\"");
            }
        }
        List<String> invalid = new ArrayList<>();
        problems.stream().filter(p -> p.category() == Category.REQUIRED).forEach(p -> invalid.add(p.field() + ": Required value"));
        long annotationBytes = annotationBytes(object);
        if (annotationBytes > MAX_ANNOTATIONS_BYTES) {
            invalid.add("metadata.annotations: Too long: must have at most " + MAX_ANNOTATIONS_BYTES + " bytes");
        }
        if (!invalid.isEmpty()) {
            String group = apiVersion.contains("/") ? "." + apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            throw new Rejection(422, "Invalid", kind + group + " \"" + Manifests.string(object, "metadata", "name")
                    + "\" is invalid: " + (invalid.size() == 1 ? invalid.get(0) : invalid.toString()));
        }
        Map<String, Object> stored = Manifests.mutableCopy(object);
        Optional<Type> type = ApiSchema.of(apiVersion, kind);
        dropEmpty(stored, type.orElse(null));
        return stored;
    }

    /** Total size of the annotations as the API server counts it: every key and value, in bytes. */
    static long annotationBytes(Map<String, Object> object) {
        if (!(Manifests.get(object, "metadata", "annotations") instanceof Map<?, ?> annotations)) {
            return 0;
        }
        long total = 0;
        for (Map.Entry<?, ?> e : annotations.entrySet()) {
            total += String.valueOf(e.getKey()).getBytes(StandardCharsets.UTF_8).length
                    + (e.getValue() == null ? 0 : String.valueOf(e.getValue()).getBytes(StandardCharsets.UTF_8).length);
        }
        return total;
    }

    /**
     * Removes nulls everywhere and, where a schema is known, empty maps and lists of map or list fields and
     * fields the schema does not have (in place).
     */
    @SuppressWarnings("unchecked")
    private static void dropEmpty(Object value, Type type) {
        if (value instanceof Map<?, ?> map) {
            Shape shape = type == null ? Shape.ANY : type.shape();
            if (shape == Shape.ANY && type != null) {
                return; // free-form JSON (CRD schemas, raw extensions) is stored as sent
            }
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> e = entries.next();
                Type child = childType(type, String.valueOf(e.getKey()));
                if (shape == Shape.OBJECT && child == null) {
                    entries.remove(); // an unknown field: the Go type has no place for it
                    continue;
                }
                dropEmpty(e.getValue(), child);
                if (e.getValue() == null || child != null && emptyCollection(e.getValue(), child)) {
                    entries.remove();
                }
            }
        } else if (value instanceof List<?> list && type != null && type.shape() == Shape.LIST) {
            ((List<Object>) list).forEach(element -> dropEmpty(element, type.element()));
        } else if (value instanceof List<?> list && type == null) {
            list.forEach(element -> dropEmpty(element, null));
        }
    }

    private static Type childType(Type parent, String key) {
        if (parent == null) {
            return null;
        }
        return switch (parent.shape()) {
            case OBJECT -> parent.property(key).orElse(null);
            case MAP -> parent.element();
            default -> null;
        };
    }

    private static boolean emptyCollection(Object value, Type type) {
        return type.shape() == Shape.MAP && value instanceof Map<?, ?> m && m.isEmpty()
                || type.shape() == Shape.LIST && value instanceof List<?> l && l.isEmpty();
    }

    private static String version(String apiVersion) {
        return apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
    }
}
