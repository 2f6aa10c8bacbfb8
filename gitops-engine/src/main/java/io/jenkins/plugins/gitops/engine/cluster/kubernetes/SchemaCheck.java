package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.ApiSchema.Shape;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.ApiSchema.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Checks a manifest of a built-in kind against {@link ApiSchema} as the API server decodes and validates
 * it: every value of the JSON type its field has (a string where the Go type is a string, an integer
 * where it is int32, ...), Secret {@code data} and ConfigMap {@code binaryData} values valid base64
 * (their Go type is {@code []byte}), no field the type does not have, and the OpenAPI required fields
 * present. All problems are reported, each with the field path the API server would name
 * ({@code spec.template.spec.containers[0].env[1].value}). Values of Secrets are never quoted.
 */
public final class SchemaCheck {
    /** What an API server does with the problem: TYPE and BASE64 fail decoding (400), REQUIRED is 422. */
    public enum Category { TYPE, BASE64, UNKNOWN_FIELD, REQUIRED }

    /** One problem at a field path ({@code spec.replicas}); the message says what is expected and the fix. */
    public record Problem(Category category, String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    private final boolean secret;
    private final String bytesField;
    private final List<Problem> problems = new ArrayList<>();

    private SchemaCheck(String kind) {
        this.secret = "Secret".equals(kind);
        this.bytesField = secret ? "data" : "ConfigMap".equals(kind) ? "binaryData" : null;
    }

    /** Every problem of a manifest; empty for kinds without a built-in schema (custom resources). */
    public static List<Problem> check(Map<String, Object> manifest) {
        Object apiVersion = manifest.get("apiVersion");
        Object kind = manifest.get("kind");
        if (!(apiVersion instanceof String v) || !(kind instanceof String k)) {
            return List.of();
        }
        return ApiSchema.of(v, k).map(type -> {
            SchemaCheck check = new SchemaCheck(k);
            check.walk("", manifest, type);
            return List.copyOf(check.problems);
        }).orElse(List.of());
    }

    private void walk(String path, Object value, Type type) {
        if (value == null) {
            return; // null is absent for the API server
        }
        switch (type.shape()) {
            case STRING -> expect(path, value instanceof String, value, type, quoteFix(value));
            case INTEGER -> integer(path, value, type);
            case NUMBER -> expect(path, value instanceof Number, value, type, unquoteFix(value));
            case BOOLEAN -> expect(path, value instanceof Boolean, value, type,
                    "true".equals(value) || "false".equals(value) ? "remove the quotes: " + value : null);
            case INT_OR_STRING -> expect(path, value instanceof String || integral(value), value, type, null);
            case QUANTITY -> quantity(path, value, type);
            case LIST -> list(path, value, type);
            case MAP -> map(path, value, type);
            case OBJECT -> object(path, value, type);
            case ANY -> {
            }
        }
    }

    private void integer(String path, Object value, Type type) {
        if (!integral(value)) {
            expect(path, false, value, type, unquoteFix(value));
            return;
        }
        boolean int32 = type.javaType().getRawClass() == Integer.class || type.javaType().getRawClass() == int.class;
        BigInteger number = new BigInteger(value.toString());
        if (int32 && number.bitLength() > 31 || number.bitLength() > 63) {
            add(Category.TYPE, path, "expected " + type.describe() + ", got " + number + ", which is out of range");
        }
    }

    private void quantity(String path, Object value, Type type) {
        if (!(value instanceof String) && !(value instanceof Number)) {
            expect(path, false, value, type, null);
            return;
        }
        try {
            Quantity.getAmountInBytes(new Quantity(value.toString()));
        } catch (RuntimeException e) {
            add(Category.TYPE, path, "'" + value + "' is not a valid quantity; write a number with an optional"
                    + " suffix such as 500m, 128Mi, 1Gi or 2");
        }
    }

    private void list(String path, Object value, Type type) {
        if (!(value instanceof List<?> list)) {
            expect(path, false, value, type, null);
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            walk(path + "[" + i + "]", list.get(i), type.element());
        }
    }

    private void map(String path, Object value, Type type) {
        if (!(value instanceof Map<?, ?> map)) {
            expect(path, false, value, type, null);
            return;
        }
        boolean bytes = path.equals(bytesField);
        Type values = type.element();
        map.forEach((k, v) -> {
            String child = path + "[" + k + "]";
            if (bytes && v instanceof String s) {
                if (!isBase64(s)) {
                    add(Category.BASE64, child, "is not valid base64 (" + bytesField + " values are base64-encoded"
                            + (secret ? "; put plain text under stringData instead)" : ")"));
                }
            } else if (path.equals("data") && v instanceof Map<?, ?> && values.shape() == Shape.STRING) {
                add(Category.TYPE, child, "expected a string, got a mapping; ConfigMap data values are strings:"
                        + " write the content as a block string (" + k + ": |) or generate it from a file");
            } else {
                walk(child, v, values);
            }
        });
    }

    private void object(String path, Object value, Type type) {
        if (!(value instanceof Map<?, ?> map)) {
            expect(path, false, value, type, null);
            return;
        }
        map.forEach((k, v) -> {
            String name = String.valueOf(k);
            String child = path.isEmpty() ? name : path + "." + name;
            type.property(name).ifPresentOrElse(field -> walk(child, v, field),
                    () -> add(Category.UNKNOWN_FIELD, child, "unknown field \"" + name + "\" (the "
                            + type.javaType().getRawClass().getSimpleName()
                            + " schema has no such field; check its spelling and indentation)"));
        });
        for (String field : type.required()) {
            if (absent(map.get(field))) {
                add(Category.REQUIRED, path.isEmpty() ? field : path + "." + field, "required field is missing");
            }
        }
    }

    private void expect(String path, boolean ok, Object value, Type type, String fix) {
        if (!ok) {
            add(Category.TYPE, path, "expected " + type.describe() + ", got " + describe(value)
                    + (fix == null ? "" : "; " + fix));
        }
    }

    private void add(Category category, String path, String message) {
        problems.add(new Problem(category, path, message));
    }

    private String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof Collection<?>) {
            return "a list";
        }
        if (secret) {
            return value instanceof String ? "a string" : value instanceof Boolean ? "a boolean" : "a number";
        }
        if (value instanceof String s) {
            return "the string \"" + s + "\"";
        }
        if (value instanceof Date) {
            return "a date (YAML reads an unquoted date as a timestamp)";
        }
        return (value instanceof Boolean ? "the boolean " : "the number ") + value;
    }

    private String quoteFix(Object value) {
        if (value instanceof Date) {
            return "quote it, as written in the file";
        }
        return value instanceof Number || value instanceof Boolean ? "quote it" + (secret ? "" : ": \"" + value + "\"")
                : null;
    }

    private String unquoteFix(Object value) {
        return value instanceof String s && s.trim().matches("-?[0-9]+(\\.[0-9]+)?")
                ? "remove the quotes" + (secret ? "" : ": " + s.trim()) : null;
    }

    private static boolean integral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger;
    }

    private static boolean absent(Object value) {
        return value == null || value instanceof String s && s.isEmpty() || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }

    /** As Go's encoding/json decodes {@code []byte}: standard alphabet, padded, line breaks ignored. */
    static boolean isBase64(String value) {
        String compact = value.replace("\r", "").replace("\n", "");
        if (compact.length() % 4 != 0) {
            return false;
        }
        try {
            Base64.getDecoder().decode(compact);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
