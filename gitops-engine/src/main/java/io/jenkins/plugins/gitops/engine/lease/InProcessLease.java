package io.jenkins.plugins.gitops.engine.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Locks held in this JVM only: for the command line without a cluster, and for tests. Same rules as
 * {@link KubernetesLease}: expiring, taken again by the same holder (see {@link Lease#tryAcquire}), a stale
 * handle cannot release a newer holder's lock.
 */
public final class InProcessLease implements Lease {
    private final Clock clock;
    private final Map<String, Held> locks = new HashMap<>();

    private record Held(LeaseState state, Object token) {
    }

    public InProcessLease() {
        this(Clock.systemUTC());
    }

    public InProcessLease(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<LeaseHandle> tryAcquire(String environment, String holder, Duration ttl) {
        LeaseTtl.check(ttl);
        Instant now = clock.instant();
        Held held = locks.get(environment);
        if (held != null && !held.state().isExpired(now) && !held.state().holder().equals(holder)) {
            return Optional.empty();
        }
        Object token = new Object();
        locks.put(environment, new Held(new LeaseState(environment, holder, now, now, ttl), token));
        return Optional.of(new Handle(environment, holder, token, ttl));
    }

    @Override
    public synchronized Optional<LeaseState> state(String environment) {
        Held held = locks.get(environment);
        return held == null || held.state().isExpired(clock.instant()) ? Optional.empty() : Optional.of(held.state());
    }

    @Override
    public LeaseHandle acquire(String environment, String holder, Duration ttl) {
        return tryAcquire(environment, holder, ttl)
                .orElseThrow(() -> LeaseRefusedException.of(environment, state(environment), clock.instant()));
    }

    private final class Handle implements LeaseHandle {
        private final String environment;
        private final String holder;
        private final Object token;
        private final Duration ttl;

        Handle(String environment, String holder, Object token, Duration ttl) {
            this.environment = environment;
            this.holder = holder;
            this.token = token;
            this.ttl = ttl;
        }

        @Override
        public String environment() {
            return environment;
        }

        @Override
        public String holder() {
            return holder;
        }

        @Override
        public Instant expiresAt() {
            synchronized (InProcessLease.this) {
                Held held = locks.get(environment);
                return held != null && held.token() == token ? held.state().expiresAt() : clock.instant();
            }
        }

        @Override
        public void renew() {
            synchronized (InProcessLease.this) {
                Held held = locks.get(environment);
                if (held == null || held.token() != token) {
                    throw LeaseTtl.lost(environment, holder, held == null ? null : held.state().holder());
                }
                LeaseState s = held.state();
                locks.put(environment, new Held(new LeaseState(environment, holder, s.acquiredAt(), clock.instant(), ttl),
                        token));
            }
        }

        @Override
        public void release() {
            synchronized (InProcessLease.this) {
                Held held = locks.get(environment);
                if (held != null && held.token() == token) {
                    locks.remove(environment);
                }
            }
        }
    }
}
