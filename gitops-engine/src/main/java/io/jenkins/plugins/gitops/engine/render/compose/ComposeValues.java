package io.jenkins.plugins.gitops.engine.render.compose;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of compose values, converted to the units the Docker Engine stores (so a re-read spec
 * compares equal): durations in nanoseconds, memory in bytes, CPUs in NanoCPUs. Every error names
 * the file, the object and the key.
 */
final class ComposeValues {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
    private static final Pattern BYTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(b|ib)?", Pattern.CASE_INSENSITIVE);

    private final String file;
    private final String object;

    ComposeValues(String file, String object) {
        this.file = file;
        this.object = object;
    }

    String file() {
        return file;
    }

    InvalidInputException error(String key, String problem) {
        return new InvalidInputException(file + ": " + object + ": " + key + ": " + problem);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object value, String key) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map)) {
            throw error(key, "expected a mapping, found " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    List<Object> list(Object value, String key) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw error(key, "expected a list, found " + describe(value));
        }
        return new ArrayList<>(l);
    }

    String string(Object value, String key) {
        if (value instanceof Map || value instanceof List) {
            throw error(key, "expected a single value, found " + describe(value));
        }
        return value == null ? null : goString(value);
    }

    /**
     * A scalar as Go's {@code fmt.Sprint} prints the value go-yaml decoded, which is how docker's
     * compose loader turns numbers into strings (environment, labels, sysctls): {@code 2.0} is
     * {@code 2}, {@code 1e3} is {@code 1000}, {@code 1e21} is {@code 1e+21}.
     */
    static String goString(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return goFloat(((Number) value).doubleValue());
        }
        return String.valueOf(value);
    }

    /** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}: shortest digits, exponent below 1e-4 or from 1e21. */
    static String goFloat(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        if (f == 0) {
            return 1 / f < 0 ? "-0" : "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(f)).stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent < -4 || exponent >= 21) {
            String digits = shortest.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (f < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        return shortest.toPlainString();
    }

    /**
     * A list of strings, or one string split like a shell would ({@code command: sleep 3600}); null
     * when absent or empty ({@code ""}, {@code []}): the daemon does not store an empty command, so
     * docker stack deploy's empty list never appears in a service spec either.
     */
    List<String> command(Object value, String key) {
        if (value == null) {
            return null;
        }
        List<String> words = value instanceof List<?> l ? l.stream().map(v -> string(v, key)).toList()
                : shellSplit(string(value, key), key);
        return words.isEmpty() ? null : words;
    }

    Long integer(Object value, String key) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && !(value instanceof Double || value instanceof Float)) {
            return n.longValue();
        }
        try {
            return Long.parseLong(string(value, key).strip());
        } catch (NumberFormatException e) {
            throw error(key, "expected a whole number, found '" + value + "'");
        }
    }

    Boolean bool(Object value, String key) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        String s = string(value, key).strip().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw error(key, "expected true or false, found '" + value + "'");
    }

    /** {@code 1m30s}, {@code 500ms}, {@code 10} (seconds when a bare number) in nanoseconds. */
    Long durationNanos(Object value, String key) {
        if (value == null) {
            return null;
        }
        String s = string(value, key).strip();
        if (s.matches("\\d+")) {
            return Long.parseLong(s) * 1_000_000_000L;
        }
        Matcher m = DURATION_PART.matcher(s);
        BigDecimal total = BigDecimal.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
            end = m.end();
        }
        if (end != s.length() || s.isEmpty()) {
            throw error(key, "expected a duration such as 30s, 1m30s or 500ms, found '" + s + "'");
        }
        return total.longValue();
    }

    /**
     * {@code 512M}, {@code 1G}, {@code 1gb}, {@code 100k}, {@code 1024} in bytes: go-units'
     * {@code RAMInBytes} (binary multiples; no unit means bytes), which docker's compose loader uses.
     */
    Long bytes(Object value, String key) {
        if (value == null) {
            return null;
        }
        String s = string(value, key).strip();
        Matcher m = BYTES.matcher(s);
        if (!m.matches()) {
            throw error(key, "expected a size such as 512M or 1G, found '" + s + "'");
        }
        int power = m.group(2).isEmpty() ? 0 : "kmgtp".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power)).longValue();
    }

    /** {@code '1.5'} CPUs in NanoCPUs. */
    Long nanoCpus(Object value, String key) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal cpus = new BigDecimal(string(value, key).strip());
            if (cpus.signum() < 0) {
                throw error(key, "must not be negative");
            }
            return cpus.multiply(BigDecimal.valueOf(1_000_000_000L)).longValue();
        } catch (NumberFormatException e) {
            throw error(key, "expected a number of CPUs such as '0.5', found '" + value + "'");
        }
    }

    /** Octal file mode as written in compose (0440, or the decimal YAML reads for 0440: 288). */
    Long fileMode(Object value, String key) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        String s = string(value, key).strip();
        try {
            return s.startsWith("0") ? Long.parseLong(s, 8) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw error(key, "expected a file mode such as 0440, found '" + s + "'");
        }
    }

    /** {@code KEY=VALUE} list or mapping as an ordered map (null values: set without value). */
    Map<String, String> keyValues(Object value, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : string(v, key)));
        } else {
            for (Object item : list(value, key)) {
                String s = string(item, key);
                int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return out;
    }

    List<String> shellSplit(String s, String key) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < s.length()) {
                    word.append(s.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < s.length()) {
                word.append(s.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw error(key, "unclosed quote " + quote + " in '" + s + "'");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static String describe(Object value) {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "'" + value + "'";
    }
}
