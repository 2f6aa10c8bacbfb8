package io.jenkins.plugins.gitops.engine.render;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Scalar values as kustomize's YAML library (go-yaml v3, YAML 1.2 core schema) sees them: the text a
 * value prints as, and the typed value an untagged plain scalar resolves to. Used where kustomize copies
 * the text of a value into another field (replacements, vars), so the result has the type kustomize's
 * output has.
 */
final class Scalars {
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private Scalars() {
    }

    static boolean isScalar(Object value) {
        return !(value instanceof Map) && !(value instanceof List);
    }

    /** The text of a scalar (what go-yaml keeps as the node's value); "" for null. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return ".nan";
            }
            if (d.isInfinite()) {
                return d > 0 ? ".inf" : "-.inf";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.valueOf(d.longValue());
            }
        }
        return String.valueOf(value);
    }

    /** The value an untagged plain scalar with this text has (YAML 1.2 core schema). */
    static Object resolve(String text) {
        switch (text) {
            case "", "~", "null", "Null", "NULL" -> {
                return null;
            }
            case "true", "True", "TRUE" -> {
                return Boolean.TRUE;
            }
            case "false", "False", "FALSE" -> {
                return Boolean.FALSE;
            }
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-.inf", "-.Inf", "-.INF" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case ".nan", ".NaN", ".NAN" -> {
                return Double.NaN;
            }
            default -> {
                if (INT.matcher(text).matches()) {
                    return integer(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
                }
                if (HEX.matcher(text).matches()) {
                    return integer(new BigInteger(text.substring(2), 16));
                }
                if (OCTAL.matcher(text).matches()) {
                    return integer(new BigInteger(text.substring(2), 8));
                }
                if (FLOAT.matcher(text).matches()) {
                    return Double.valueOf(text);
                }
                return text;
            }
        }
    }

    /**
     * The value a scalar field ends up with when kustomize replaces the text of a node that held
     * {@code previous} by {@code text}, keeping the node's tag (a string stays a string, a number stays
     * a number). Throws IllegalArgumentException when the text cannot have that type, as kustomize
     * fails then ("cannot decode !!str `abc` as a !!int"; the text is left out of the message here).
     */
    static Object keepingType(Object previous, String text) {
        if (previous instanceof String) {
            return text;
        }
        Object resolved = resolve(text);
        if (previous instanceof Double && resolved instanceof Number n) {
            return n.doubleValue();
        }
        if (previous instanceof Number && resolved instanceof Number && !(resolved instanceof Double)
                || previous instanceof Boolean && resolved instanceof Boolean || previous == null && resolved == null) {
            return resolved;
        }
        if (previous != null && !(previous instanceof Number) && !(previous instanceof Boolean)) {
            return text;
        }
        // the text is not in the message: it may come from a Secret
        throw new IllegalArgumentException("cannot decode a " + tag(resolved) + " value as a " + tag(previous)
                + " (kustomize fails the same way); the field holds " + kindOf(previous)
                + ", give it a value of that type");
    }

    private static String kindOf(Object value) {
        if (value == null) {
            return "null";
        }
        return value instanceof Boolean ? "true or false" : "a number";
    }

    /** The YAML tag name of a scalar's type, for messages ({@code !!int}). */
    static String tag(Object value) {
        if (value == null) {
            return "!!null";
        }
        if (value instanceof Boolean) {
            return "!!bool";
        }
        if (value instanceof Double || value instanceof Float) {
            return "!!float";
        }
        return value instanceof Number ? "!!int" : "!!str";
    }

    private static Object integer(BigInteger value) {
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        if (value.bitLength() < 64) {
            return value.longValue();
        }
        return value;
    }
}
