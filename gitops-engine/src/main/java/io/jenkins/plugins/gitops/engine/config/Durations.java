package io.jenkins.plugins.gitops.engine.config;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax used everywhere in the project (gitops.yaml, command options, step
 * arguments): Go's, as in Argo CD and Kubernetes: a sequence of numbers with units
 * {@code ns, us (µs), ms, s, m, h}, such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m},
 * {@code 3m0s} or {@code 1.5h}. A lone {@code 0} is zero. Negative durations are refused.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
    private static final int MAX_QUOTED = 40;
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final String EXAMPLES = "use a number and a unit (ms, s, m, h), e.g. 500ms, 30s, 5m, 1h30m";

    private Durations() {
    }

    /** Parses {@code text}; an {@link InvalidInputException} that quotes it and shows the syntax otherwise. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("empty duration: " + EXAMPLES);
        }
        String s = text.strip();
        String quoted = "'" + (s.length() <= MAX_QUOTED ? s : s.substring(0, MAX_QUOTED) + "...") + "'";
        if (s.startsWith("-")) {
            throw new InvalidInputException(quoted + " is negative; durations must be zero or more");
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            throw new InvalidInputException(quoted + " has no unit: write "
                    + (s.length() <= 12 ? s + "s, " + s + "m or " + s + "ms" : "a unit after the number, e.g. 30s"));
        }
        Matcher m = PART.matcher(s);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new InvalidInputException(quoted + " is not a duration: " + EXAMPLES);
            }
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
            at = m.end();
        }
        if (nanos.compareTo(MAX_NANOS) > 0) {
            throw new InvalidInputException(quoted + " is too long a duration");
        }
        return Duration.ofNanos(nanos.longValue());
    }

    /** The shortest text {@link #parse} reads back as {@code d}: {@code 5m}, {@code 1h30m}, {@code 1s500ms}, {@code 0s}. */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        append(out, d.toHours(), "h");
        append(out, d.toMinutesPart(), "m");
        append(out, d.toSecondsPart(), "s");
        append(out, d.toMillisPart(), "ms");
        int subMillis = d.getNano() % 1_000_000;
        append(out, subMillis / 1000, "us");
        append(out, subMillis % 1000, "ns");
        return out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount != 0) {
            out.append(amount).append(unit);
        }
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new IllegalArgumentException(unit);
        };
    }
}
