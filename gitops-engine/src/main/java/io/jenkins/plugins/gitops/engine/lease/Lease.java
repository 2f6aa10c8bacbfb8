package io.jenkins.plugins.gitops.engine.lease;

import java.time.Duration;
import java.util.Optional;

/** Exclusive, expiring locks on environments. Implementations are safe for concurrent use. */
public interface Lease {
    /**
     * Takes the environment's lock when it is free, released or expired, or held by this same
     * {@code holder}: a holder that restarted (a Jenkins step resumed after a controller restart)
     * takes its own lock again instead of waiting for it to expire; its old handle then no longer
     * holds it. So a holder id must name one stream of work, never two that may run at once: one
     * Pipeline step (run and flow node), one agent process.
     *
     * @param holder who asks, as people should read it: {@code jenkins-controller/job/deploy#42}, {@code agent@host}
     * @param ttl    how long the lock lasts without {@link LeaseHandle#renew()} (at least one second)
     * @return the handle, or empty when someone else holds an unexpired lock
     */
    Optional<LeaseHandle> tryAcquire(String environment, String holder, Duration ttl);

    /** The unexpired lock on the environment, or empty when it is free. */
    Optional<LeaseState> state(String environment);

    /** Who holds the environment now, or null when nobody does. */
    default String currentHolder(String environment) {
        return state(environment).map(LeaseState::holder).orElse(null);
    }

    /**
     * Like {@link #tryAcquire} but refusing with a message that names the holder and since when.
     *
     * @throws LeaseRefusedException when another holder has the lock
     */
    default LeaseHandle acquire(String environment, String holder, Duration ttl) {
        return tryAcquire(environment, holder, ttl).orElseThrow(
                () -> LeaseRefusedException.of(environment, state(environment), java.time.Instant.now()));
    }
}
