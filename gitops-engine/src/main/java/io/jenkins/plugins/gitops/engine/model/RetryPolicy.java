package io.jenkins.plugins.gitops.engine.model;

import java.time.Duration;

/** Exponential backoff for transient target errors (409, 429, 5xx, timeouts). */
public record RetryPolicy(int limit, Duration backoff, double factor, Duration maxDuration) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(5), 2.0, Duration.ofMinutes(3));

    /** Delay before retry number {@code attempt} (1-based), capped at {@link #maxDuration()}. */
    public Duration delayBefore(int attempt) {
        double millis = backoff.toMillis() * Math.pow(factor, Math.max(0, attempt - 1));
        return Duration.ofMillis((long) Math.min(millis, maxDuration.toMillis()));
    }
}
