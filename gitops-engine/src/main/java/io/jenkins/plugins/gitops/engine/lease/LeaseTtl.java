package io.jenkins.plugins.gitops.engine.lease;

import java.time.Duration;

/** Shared checks and messages of the lease implementations. */
public final class LeaseTtl {
    private LeaseTtl() {
    }

    public static void check(Duration ttl) {
        if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a lease lasts at least one second, not " + ttl);
        }
    }

    /** Whole seconds, rounded up (Kubernetes stores leaseDurationSeconds). */
    public static int seconds(Duration ttl) {
        return (int) Math.min(Integer.MAX_VALUE, (ttl.toMillis() + 999) / 1000);
    }

    public static LeaseLostException lost(String environment, String holder, String newHolder) {
        return new LeaseLostException("the lock of environment '" + environment + "' held by " + holder + " expired"
                + (newHolder == null ? " and was released" : " and was taken over by " + newHolder)
                + "; stopping (renew the lease more often than its TTL)");
    }
}
