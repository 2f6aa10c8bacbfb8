package io.jenkins.plugins.gitops.engine.lease;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A lock as read from where it is kept.
 *
 * @param acquiredAt when the holder took it
 * @param renewedAt  the holder's last renewal (or {@code acquiredAt})
 */
public record LeaseState(String environment, String holder, Instant acquiredAt, Instant renewedAt, Duration ttl) {
    public Instant expiresAt() {
        return renewedAt.plus(ttl);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt());
    }

    /** {@code environment 'production' is locked by X since 2026-11-22T10:00:00Z (lease expires in 40s)}. */
    public String describe(Instant now) {
        long seconds = Math.max(0, (Duration.between(now, expiresAt()).toMillis() + 999) / 1000);
        return "environment '" + environment + "' is locked by " + holder + " since "
                + acquiredAt.truncatedTo(ChronoUnit.SECONDS) + " (lease expires in " + seconds + "s)";
    }
}
