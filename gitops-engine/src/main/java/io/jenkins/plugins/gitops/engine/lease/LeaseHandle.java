package io.jenkins.plugins.gitops.engine.lease;

import java.time.Instant;

/** A lock held on one environment. Closing it releases it. */
public interface LeaseHandle extends AutoCloseable {
    String environment();

    String holder();

    /** When the lock lapses unless renewed. */
    Instant expiresAt();

    /**
     * Extends the lock by its TTL from now.
     *
     * @throws LeaseLostException when it expired and someone else took it over (stop writing)
     */
    void renew();

    /** Gives the lock up; does nothing when it was already released or taken over. */
    void release();

    @Override
    default void close() {
        release();
    }
}
