package io.jenkins.plugins.gitops.engine.render;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compact JSON exactly as Go's {@code encoding/json.Marshal} writes a decoded YAML value: mapping keys
 * sorted, {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped as six-character unicode escapes,
 * control characters as the short escapes (newline, return, tab, backspace, form feed) or unicode escapes,
 * numbers as float64 in Go's shortest form. Kustomize hashes
 * this text (api/hasher), so every character counts.
 */
final class GoJson {
    private GoJson() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted(map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Number n) {
            out.append(number(n));
        } else {
            string(String.valueOf(value), out);
        }
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        return sorted;
    }

    /** A number decoded as float64 and printed as Go prints it ({@code 8080}, {@code 1.5}, {@code 1e+21}). */
    static String number(Number n) {
        double d = n instanceof BigInteger || n instanceof BigDecimal ? n.doubleValue() : n.doubleValue();
        double abs = Math.abs(d);
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String mantissa = shortest.unscaledValue().abs().toString();
            int exponent = shortest.precision() - shortest.scale() - 1;
            String digits = mantissa.length() > 1 ? mantissa.charAt(0) + "." + mantissa.substring(1) : mantissa;
            String exp = exponent < 0 ? "-" + -exponent : "+" + (exponent < 10 ? "0" : "") + exponent;
            return (d < 0 ? "-" : "") + digits + "e" + exp;
        }
        return shortest.scale() <= 0 ? shortest.toBigInteger().toString() : shortest.toPlainString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                        out.append('\ufffd');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
