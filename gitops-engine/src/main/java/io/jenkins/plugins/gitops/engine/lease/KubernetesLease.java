package io.jenkins.plugins.gitops.engine.lease;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import io.jenkins.plugins.gitops.engine.model.Labels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Environment locks as {@code coordination.k8s.io/v1} Lease objects {@code gitops-lock-<env>}:
 * holderIdentity, acquireTime, renewTime and leaseDurationSeconds, as Kubernetes leader election
 * uses them. A free, released (no holder) or expired lease is taken with an update that carries the
 * resourceVersion read; the API server refuses all but the first of concurrent updates (409), so two
 * contenders cannot both win. A refused contender re-reads and sees the winner.
 */
public final class KubernetesLease implements io.jenkins.plugins.gitops.engine.lease.Lease {
    static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesLease.class);

    private final KubernetesClient client;
    private final String namespace;
    private final Clock clock;

    public KubernetesLease(KubernetesClient client, String namespace) {
        this(client, namespace, Clock.systemUTC());
    }

    public KubernetesLease(KubernetesClient client, String namespace, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.clock = clock;
    }

    /** {@code gitops-lock-<env>}, the environment name made a valid object name. */
    public static String leaseName(String environment) {
        String name = "gitops-lock-" + environment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return name.length() > 253 ? name.substring(0, 253) : name;
    }

    @Override
    public Optional<LeaseHandle> tryAcquire(String environment, String holder, Duration ttl) {
        LeaseTtl.check(ttl);
        Objects.requireNonNull(holder, "holder");
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Lease current = get(environment);
            Instant now = clock.instant();
            try {
                if (current == null) {
                    Lease created = resource(newLease(environment)).create();
                    created = resource(taken(created, holder, ttl, now)).update();
                    return Optional.of(new Handle(environment, holder, ttl, created));
                }
                Optional<LeaseState> state = stateOf(environment, current);
                if (state.isPresent() && !state.get().isExpired(now) && !state.get().holder().equals(holder)) {
                    return Optional.empty();
                }
                if (state.isPresent()) {
                    LOG.info("taking over the {} lock of {} from {}", state.get().isExpired(now) ? "expired" : "own",
                            environment, state.get().holder());
                }
                Lease updated = resource(taken(current, holder, ttl, now)).update();
                return Optional.of(new Handle(environment, holder, ttl, updated));
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw failure(environment, "could not take", e);
                }
                LOG.debug("lock of {} changed while taking it (attempt {}); re-reading", environment, attempt);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<LeaseState> state(String environment) {
        Lease current = get(environment);
        return current == null ? Optional.empty()
                : stateOf(environment, current).filter(s -> !s.isExpired(clock.instant()));
    }

    @Override
    public LeaseHandle acquire(String environment, String holder, Duration ttl) {
        return tryAcquire(environment, holder, ttl)
                .orElseThrow(() -> LeaseRefusedException.of(environment, state(environment), clock.instant()));
    }

    private Lease get(String environment) {
        try {
            return client.leases().inNamespace(namespace).withName(leaseName(environment)).get();
        } catch (KubernetesClientException e) {
            throw failure(environment, "could not read", e);
        }
    }

    private Resource<Lease> resource(Lease lease) {
        return client.leases().inNamespace(namespace).resource(lease);
    }

    /**
     * A new lease without a holder. It is created empty and then taken with an update, so that
     * taking a lock always goes through the same resourceVersion check.
     */
    private Lease newLease(String environment) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
        labels.put(Labels.ENVIRONMENT, environment);
        labels.put(Labels.INTERNAL, "true");
        return new LeaseBuilder().withNewMetadata().withName(leaseName(environment)).withNamespace(namespace)
                .withLabels(labels).endMetadata().withNewSpec().withLeaseTransitions(0).endSpec().build();
    }

    private static Lease taken(Lease current, String holder, Duration ttl, Instant now) {
        LeaseSpec spec = current.getSpec() == null ? new LeaseSpec() : current.getSpec();
        int transitions = spec.getLeaseTransitions() == null ? 0 : spec.getLeaseTransitions();
        return new LeaseBuilder(current).withNewSpec().withHolderIdentity(holder).withAcquireTime(micro(now))
                .withRenewTime(micro(now)).withLeaseDurationSeconds(LeaseTtl.seconds(ttl))
                .withLeaseTransitions(spec.getHolderIdentity() == null ? transitions : transitions + 1).endSpec().build();
    }

    static Optional<LeaseState> stateOf(String environment, Lease lease) {
        LeaseSpec spec = lease.getSpec();
        if (spec == null || spec.getHolderIdentity() == null || spec.getHolderIdentity().isEmpty()) {
            return Optional.empty();
        }
        Instant acquired = instant(spec.getAcquireTime());
        Instant renewed = instant(spec.getRenewTime());
        if (renewed == null) {
            renewed = acquired == null ? Instant.EPOCH : acquired;
        }
        int seconds = spec.getLeaseDurationSeconds() == null ? 0 : spec.getLeaseDurationSeconds();
        return Optional.of(new LeaseState(environment, spec.getHolderIdentity(), acquired == null ? renewed : acquired,
                renewed, Duration.ofSeconds(seconds)));
    }

    /** Lease times are RFC 3339 with microseconds on the wire. */
    private static ZonedDateTime micro(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atZone(ZoneOffset.UTC);
    }

    private static Instant instant(ZonedDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private OperationFailedException failure(String environment, String what, KubernetesClientException e) {
        String status = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
        return new OperationFailedException(what + " the lock of environment '" + environment + "' (Lease " + namespace + "/"
                + leaseName(environment) + ", HTTP " + e.getCode() + "): " + status, e);
    }

    private final class Handle implements LeaseHandle {
        private final String environment;
        private final String holder;
        private final Duration ttl;
        private final Instant acquiredAt;
        private volatile Instant expiresAt;
        private volatile boolean released;

        Handle(String environment, String holder, Duration ttl, Lease taken) {
            this.environment = environment;
            this.holder = holder;
            this.ttl = ttl;
            LeaseState state = stateOf(environment, taken).orElseThrow();
            this.acquiredAt = state.acquiredAt();
            this.expiresAt = state.expiresAt();
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
        public void renew() {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                Lease current = ours();
                Instant now = clock.instant();
                Lease renewed = new LeaseBuilder(current).editSpec().withRenewTime(micro(now))
                        .withLeaseDurationSeconds(LeaseTtl.seconds(ttl)).endSpec().build();
                try {
                    resource(renewed).update();
                    expiresAt = now.plusSeconds(LeaseTtl.seconds(ttl));
                    return;
                } catch (KubernetesClientException e) {
                    if (e.getCode() != 409) {
                        throw failure(environment, "could not renew", e);
                    }
                }
            }
            throw new OperationFailedException("could not renew the lock of environment '" + environment + "': the Lease "
                    + "kept changing under it");
        }

        @Override
        public void release() {
            if (released) {
                return;
            }
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                Lease current = get(environment);
                if (current == null || !isOurs(current)) {
                    released = true;
                    return;
                }
                Lease free = new LeaseBuilder(current).editSpec().withHolderIdentity(null).endSpec().build();
                try {
                    resource(free).update();
                    released = true;
                    return;
                } catch (KubernetesClientException e) {
                    if (e.getCode() != 409) {
                        throw failure(environment, "could not release", e);
                    }
                }
            }
            LOG.warn("could not release the lock of {}; it expires at {}", environment, expiresAt);
        }

        /** The lease if this handle still holds it. */
        private Lease ours() {
            Lease current = get(environment);
            if (released || current == null || !isOurs(current)) {
                String now = current == null ? null : stateOf(environment, current).map(LeaseState::holder).orElse(null);
                throw LeaseTtl.lost(environment, holder, now);
            }
            return current;
        }

        private boolean isOurs(Lease lease) {
            return stateOf(environment, lease).filter(s -> s.holder().equals(holder) && s.acquiredAt().equals(acquiredAt))
                    .isPresent();
        }
    }
}
