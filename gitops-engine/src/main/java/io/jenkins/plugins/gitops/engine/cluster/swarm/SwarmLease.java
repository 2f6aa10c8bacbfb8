package io.jenkins.plugins.gitops.engine.cluster.swarm;

import io.jenkins.plugins.gitops.engine.lease.*;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import io.jenkins.plugins.gitops.engine.cluster.TargetException;
import io.jenkins.plugins.gitops.engine.cluster.swarm.InternalConfigs;
import io.jenkins.plugins.gitops.engine.cluster.swarm.InternalConfigs.Config;
import io.jenkins.plugins.gitops.engine.model.Labels;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Environment locks as Swarm configs, which a manager creates atomically in its Raft store: of two
 * creates of one name exactly one succeeds, the other gets HTTP 409. The lock of an environment is the
 * config {@code <stack>_gitops-lock-<env>}; its labels say who holds it, since when and for how long
 * ({@code docker config inspect} shows them).
 *
 * <ul>
 * <li><b>Take</b>: create the config; a 409 means someone else has it.</li>
 * <li><b>Take over</b> an expired lock: delete it <em>by the ID read</em>, then create. Of two
 *     contenders at most one delete finds the ID and at most one create succeeds, and a fresh lock
 *     (another ID) is never deleted by someone who read an older one.</li>
 * <li><b>Release</b>: delete by the ID this handle created, so a stale handle cannot free a newer
 *     holder's lock.</li>
 * <li><b>Renew</b>: configs are immutable, so a renewal is an extra config
 *     {@code <lock>.renew-<random>} pointing at the lock's ID; the lock's expiry is counted from the
 *     newest renewal. After writing it the handle re-reads the lock and reports it lost if its ID has
 *     changed. A renewal is written only while the lock has more than {@link #RENEW_MARGIN} left (so a
 *     contender never judges it expired while the renewal is on its way); later than that, renewing
 *     re-takes the lock (delete own ID, create), which either keeps it or reports it lost.</li>
 * </ul>
 * Expiry is judged by the reader's clock against the holder's times: keep clocks in sync and TTLs well
 * above any skew.
 */
public final class SwarmLease implements Lease {
    public static final String KIND_LOCK = "lock";
    public static final String KIND_RENEWAL = "lock-renewal";
    /** The environment whose lock a config is (or renews). */
    public static final String LOCK = "gitops.jenkins.io/lock";
    public static final String HOLDER = "gitops.jenkins.io/lock-holder";
    public static final String ACQUIRED_AT = "gitops.jenkins.io/lock-acquired-at";
    public static final String RENEWED_AT = "gitops.jenkins.io/lock-renewed-at";
    public static final String TTL_SECONDS = "gitops.jenkins.io/lock-ttl-seconds";
    /** Epoch seconds, for people and scripts; the engine computes expiry from renewed-at and the TTL. */
    public static final String EXPIRES_AT = "gitops.jenkins.io/lock-expires-at";
    /** The ID of the lock config a renewal extends. */
    public static final String LOCK_ID = "gitops.jenkins.io/lock-id";
    static final Duration RENEW_MARGIN = Duration.ofSeconds(5);
    static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(SwarmLease.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InternalConfigs configs;
    private final Clock clock;

    public SwarmLease(InternalConfigs configs) {
        this(configs, Clock.systemUTC());
    }

    public SwarmLease(InternalConfigs configs, Clock clock) {
        this.configs = configs;
        this.clock = clock;
    }

    /** {@code <stack>_gitops-lock-<env>}, a valid config name of at most 64 characters. */
    public String lockName(String environment) {
        return configs.name("gitops-lock-" + environment, "");
    }

    @Override
    public Optional<LeaseHandle> tryAcquire(String environment, String holder, Duration ttl) {
        LeaseTtl.check(ttl);
        Objects.requireNonNull(holder, "holder");
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Stored stored = read(environment);
            Instant now = clock.instant();
            if (stored.lock() != null) {
                Optional<LeaseState> state = stored.state(environment);
                if (state.isPresent() && !state.get().isExpired(now) && !state.get().holder().equals(holder)) {
                    return Optional.empty(); // the same holder takes its own lock again (Lease#tryAcquire)
                }
                LOG.info("taking over the {} lock of {} from {}", state.isPresent() && !state.get().isExpired(now) ? "own"
                        : "expired", environment, state.map(LeaseState::holder).orElse("an unreadable lock config"));
                call(environment, "could not take over", () -> configs.delete(stored.lock().id()));
            }
            Optional<Config> created = create(environment, holder, now, now, ttl);
            if (created.isPresent()) {
                stored.renewals().forEach(r -> deleteQuietly(r.id()));
                return Optional.of(new Handle(environment, holder, ttl, created.get().id(), now));
            }
            LOG.debug("lock of {} was created by another contender (attempt {}); re-reading", environment, attempt);
        }
        return Optional.empty();
    }

    @Override
    public Optional<LeaseState> state(String environment) {
        return read(environment).state(environment).filter(s -> !s.isExpired(clock.instant()));
    }

    @Override
    public LeaseHandle acquire(String environment, String holder, Duration ttl) {
        return tryAcquire(environment, holder, ttl)
                .orElseThrow(() -> LeaseRefusedException.of(environment, state(environment), clock.instant()));
    }

    /** The lock config of the environment (null when free) and every renewal config of it or of older locks. */
    private record Stored(Config lock, List<Config> renewals) {
        /** The holder and times; empty when free or when the lock config is unreadable (then it counts as expired). */
        Optional<LeaseState> state(String environment) {
            if (lock == null) {
                return Optional.empty();
            }
            String holder = lock.label(HOLDER);
            Instant acquired = instant(lock.label(ACQUIRED_AT));
            Duration ttl = seconds(lock.label(TTL_SECONDS));
            if (holder == null || acquired == null || ttl == null) {
                return Optional.empty();
            }
            Instant renewed = Optional.ofNullable(instant(lock.label(RENEWED_AT))).orElse(acquired);
            for (Config r : renewals) {
                Instant at = instant(r.label(RENEWED_AT));
                Duration rTtl = seconds(r.label(TTL_SECONDS));
                if (lock.id().equals(r.label(LOCK_ID)) && at != null && rTtl != null && at.isAfter(renewed)) {
                    renewed = at;
                    ttl = rTtl;
                }
            }
            return Optional.of(new LeaseState(environment, holder, acquired, renewed, ttl));
        }
    }

    private Stored read(String environment) {
        List<Config> all = call(environment, "could not read", () -> configs.list(Map.of(LOCK, environment)));
        String name = lockName(environment);
        Config lock = null;
        List<Config> renewals = new ArrayList<>();
        for (Config c : all) {
            if (KIND_LOCK.equals(c.label(InternalConfigs.KIND)) && name.equals(c.name())) {
                lock = c;
            } else if (KIND_RENEWAL.equals(c.label(InternalConfigs.KIND))) {
                renewals.add(c);
            }
        }
        return new Stored(lock, renewals);
    }

    private Optional<Config> create(String environment, String holder, Instant acquired, Instant now, Duration ttl) {
        Map<String, String> labels = labels(environment, KIND_LOCK, now, ttl);
        labels.put(HOLDER, holder);
        labels.put(ACQUIRED_AT, acquired.toString());
        return call(environment, "could not take",
                () -> configs.createUnlessExists(lockName(environment), labels, data(labels)));
    }

    private Map<String, String> labels(String environment, String kind, Instant now, Duration ttl) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.ENVIRONMENT, environment);
        labels.put(InternalConfigs.KIND, kind);
        labels.put(LOCK, environment);
        labels.put(RENEWED_AT, now.toString());
        labels.put(TTL_SECONDS, String.valueOf(LeaseTtl.seconds(ttl)));
        labels.put(EXPIRES_AT, String.valueOf(now.plusSeconds(LeaseTtl.seconds(ttl)).getEpochSecond()));
        return labels;
    }

    /** Configs need data; the lock's state as JSON, for {@code docker config inspect --pretty}. */
    private static String data(Map<String, String> labels) {
        try {
            return JSON.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deleteQuietly(String id) {
        try {
            configs.delete(id);
        } catch (TargetException e) {
            LOG.debug("could not remove lock config {} ({}); it is ignored", id, e.getMessage());
        }
    }

    private <T> T call(String environment, String what, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (TargetException e) {
            throw new OperationFailedException(what + " the lock of environment '" + environment + "' (config "
                    + lockName(environment) + " on " + configs.describe() + "): " + e.getMessage(), e);
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration seconds(String text) {
        try {
            return text == null ? null : Duration.ofSeconds(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private final class Handle implements LeaseHandle {
        private final String environment;
        private final String holder;
        private final Duration ttl;
        private final Instant acquiredAt;
        private volatile String lockId;
        private volatile Instant expiresAt;
        private volatile boolean released;

        Handle(String environment, String holder, Duration ttl, String lockId, Instant acquiredAt) {
            this.environment = environment;
            this.holder = holder;
            this.ttl = ttl;
            this.lockId = lockId;
            this.acquiredAt = acquiredAt;
            this.expiresAt = acquiredAt.plusSeconds(LeaseTtl.seconds(ttl));
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
            return expiresAt;
        }

        @Override
        public synchronized void renew() {
            Stored stored = ours();
            Instant now = clock.instant();
            Instant current = stored.state(environment).map(LeaseState::expiresAt).orElse(now);
            if (now.plus(RENEW_MARGIN).isBefore(current)) {
                writeRenewal(stored, now);
            } else {
                retake(stored, now);
            }
            expiresAt = now.plusSeconds(LeaseTtl.seconds(ttl));
        }

        private void writeRenewal(Stored stored, Instant now) {
            Map<String, String> labels = labels(environment, KIND_RENEWAL, now, ttl);
            labels.put(LOCK_ID, lockId);
            String name = configs.name("gitops-lock-" + environment,
                    ".renew-" + HexFormat.of().toHexDigits(RANDOM.nextLong()).substring(6));
            Config renewal = call(environment, "could not renew", () -> configs.createUnlessExists(name, labels,
                    data(labels))).orElseThrow(() -> new OperationFailedException("could not renew the lock of "
                            + "environment '" + environment + "': config " + name + " exists; try again"));
            Stored after = read(environment);
            if (after.lock() == null || !after.lock().id().equals(lockId)) {
                deleteQuietly(renewal.id());
                throw LeaseTtl.lost(environment, holder, after.state(environment).map(LeaseState::holder).orElse(null));
            }
            // the renewals read before this one are superseded by it
            stored.renewals().stream().filter(r -> lockId.equals(r.label(LOCK_ID))).forEach(r -> deleteQuietly(r.id()));
        }

        /** Close to or past expiry: delete our own lock by ID and create it again; a 409 means it was lost. */
        private void retake(Stored stored, Instant now) {
            call(environment, "could not renew", () -> configs.delete(lockId));
            Optional<Config> created = create(environment, holder, acquiredAt, now, ttl);
            if (created.isEmpty()) {
                released = true;
                throw LeaseTtl.lost(environment, holder, read(environment).state(environment)
                        .map(LeaseState::holder).orElse(null));
            }
            lockId = created.get().id();
            stored.renewals().forEach(r -> deleteQuietly(r.id()));
        }

        @Override
        public synchronized void release() {
            if (released) {
                return;
            }
            try {
                Stored stored = read(environment);
                configs.delete(lockId);
                stored.renewals().stream().filter(r -> lockId.equals(r.label(LOCK_ID))).forEach(r -> deleteQuietly(r.id()));
                released = true;
            } catch (OperationFailedException e) {
                LOG.warn("could not release the lock of {} ({}); it expires at {}", environment, e.getMessage(), expiresAt);
            }
        }

        /** The stored lock if this handle still holds it. */
        private Stored ours() {
            Stored stored = read(environment);
            if (released || stored.lock() == null || !stored.lock().id().equals(lockId)) {
                throw LeaseTtl.lost(environment, holder, stored.state(environment).map(LeaseState::holder).orElse(null));
            }
            return stored;
        }
    }
}
