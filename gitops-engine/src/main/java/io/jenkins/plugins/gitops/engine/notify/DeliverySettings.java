package io.jenkins.plugins.gitops.engine.notify;

import java.time.Duration;

/**
 * How hard {@link WebhookSender} tries: at most {@code attempts} requests per receiver and event, waiting
 * {@code backoff}, then {@code backoff * factor}, ... (at most {@code maxBackoff}; a 429's {@code Retry-After} in
 * seconds is honoured up to it) after a 5xx, a 429 or a failed connection; each request may take {@code timeout}
 * (a connection {@code connectTimeout}). At most {@code maxPending} deliveries wait at once (more are dropped
 * with a log line), sent by {@code threads} threads.
 */
public record DeliverySettings(int attempts, Duration backoff, double factor, Duration maxBackoff, Duration timeout,
        Duration connectTimeout, int threads, int maxPending) {
    /** 3 attempts, 1s then 2s apart, 10s per request, 5s to connect, 2 threads, 1000 waiting. */
    public static final DeliverySettings DEFAULTS = new DeliverySettings(3, Duration.ofSeconds(1), 2,
            Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(5), 2, 1000);

    public DeliverySettings {
        if (attempts < 1 || threads < 1 || maxPending < 1 || factor < 1) {
            throw new IllegalArgumentException("attempts, threads and maxPending must be at least 1, factor at least 1");
        }
    }

    /** The wait before attempt {@code next} (2 for the first retry). */
    Duration delayBefore(int next) {
        double millis = backoff.toMillis() * Math.pow(factor, Math.max(0, next - 2));
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }

    public DeliverySettings withTimeout(Duration value) {
        return new DeliverySettings(attempts, backoff, factor, maxBackoff, value, connectTimeout, threads, maxPending);
    }

    public DeliverySettings withBackoff(Duration value) {
        return new DeliverySettings(attempts, value, factor, maxBackoff, timeout, connectTimeout, threads, maxPending);
    }

    public DeliverySettings withAttempts(int value) {
        return new DeliverySettings(value, backoff, factor, maxBackoff, timeout, connectTimeout, threads, maxPending);
    }
}
