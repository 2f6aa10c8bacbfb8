package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in a Jenkinsfile: {@code 90s}, {@code 5m}, {@code 1h30m},
 * {@code 2h}, a plain number of seconds, or ISO-8601 ({@code PT5M}).
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");

    private Durations() {
    }

    /**
     * Parses {@code text}; {@code argument} names the step argument for the error message.
     *
     * @return null when text is null or blank (the engine's default applies)
     */
    public static Duration parse(String argument, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        Duration duration;
        if (value.matches("\\d+")) {
            duration = Duration.ofSeconds(Long.parseLong(value));
        } else if (value.startsWith("pt") || value.startsWith("p")) {
            duration = iso(argument, text);
        } else if (WHOLE.matcher(value).matches()) {
            duration = Duration.ZERO;
            Matcher m = PART.matcher(value);
            while (m.find()) {
                duration = duration.plus(unit(Long.parseLong(m.group(1)), m.group(2)));
            }
        } else {
            throw invalid(argument, text);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidInputException(argument + ": '" + text + "' must be longer than zero, e.g. '5m'");
        }
        return duration;
    }

    /** The short form of a duration, e.g. {@code 1h30m}, {@code 45s}. */
    public static String format(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = duration.getSeconds();
        if (seconds == 0) {
            return duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (rest > 0) {
            text.append(rest).append('s');
        }
        return text.toString();
    }

    private static Duration iso(String argument, String text) {
        try {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw invalid(argument, text);
        }
    }

    private static Duration unit(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static InvalidInputException invalid(String argument, String text) {
        return new InvalidInputException(argument + ": '" + text
                + "' is not a duration; write e.g. '90s', '5m', '1h30m' or 'PT5M'");
    }
}
