package io.jenkins.plugins.gitops.engine.config;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Preview lifetimes ({@code preview.ttl}, {@code gitops preview prune --older-than}): the project's
 * {@link Durations} plus whole days ({@code 3d}), since previews live for days.
 */
public final class PreviewAges {
    private static final Pattern DAYS = Pattern.compile("(\\d{1,4})d");

    private PreviewAges() {
    }

    /** {@code 3d}, {@code 72h}, {@code 90m}, ...; an {@link InvalidInputException} naming the syntax otherwise. */
    public static Duration parse(String text) {
        Matcher days = DAYS.matcher(text == null ? "" : text.strip());
        if (days.matches()) {
            return Duration.ofDays(Long.parseLong(days.group(1)));
        }
        try {
            return Durations.parse(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.getMessage() + " (or whole days, e.g. 3d)");
        }
    }
}
