package io.jenkins.plugins.gitops.engine.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every {@link Lease} must do; subclasses supply the implementation. */
@Timeout(60)
abstract class LeaseContract {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final Duration TTL = Duration.ofSeconds(40);
    static final String CONTROLLER = "jenkins-controller/job/deploy#42";
    static final String AGENT = "gitops-agent@ops-1";

    final MutableClock clock = new MutableClock(T0);

    /** A lease implementation over shared storage, using {@code clock}; each call is another contender. */
    abstract Lease lease();

    @Test
    void aHeldLockRefusesOthersNamingHolderAndSince() {
        Lease first = lease();
        Lease second = lease();
        LeaseHandle handle = first.acquire("production", CONTROLLER, TTL);
        assertThat(handle.holder()).isEqualTo(CONTROLLER);
        assertThat(handle.expiresAt()).isEqualTo(T0.plus(TTL));
        assertThat(second.currentHolder("production")).isEqualTo(CONTROLLER);
        assertThat(second.currentHolder("staging")).isNull();

        assertThat(second.tryAcquire("production", AGENT, TTL)).isEmpty();
        assertThatThrownBy(() -> second.acquire("production", AGENT, TTL)).isInstanceOf(LeaseRefusedException.class)
                .hasMessage("environment 'production' is locked by jenkins-controller/job/deploy#42 since "
                        + "2026-11-22T10:00:00Z (lease expires in 40s)");
        clock.advance(Duration.ofSeconds(25));
        assertThatThrownBy(() -> second.acquire("production", AGENT, TTL)).hasMessageEndingWith("(lease expires in 15s)");
        // other environments are independent
        assertThat(second.tryAcquire("staging", AGENT, TTL)).isPresent();
    }

    @Test
    void theSameHolderTakesItsLockAgainAndItsOldHandleNoLongerHoldsIt() {
        LeaseHandle beforeRestart = lease().acquire("production", CONTROLLER, TTL);
        clock.advance(Duration.ofSeconds(10)); // a controller restart: the old handle was never released

        LeaseHandle afterRestart = lease().acquire("production", CONTROLLER, TTL);

        assertThat(lease().state("production")).get().satisfies(s -> {
            assertThat(s.holder()).isEqualTo(CONTROLLER);
            assertThat(s.acquiredAt()).isEqualTo(T0.plusSeconds(10));
        });
        assertThat(lease().tryAcquire("production", AGENT, TTL)).as("others are still refused").isEmpty();
        assertThatThrownBy(beforeRestart::renew).isInstanceOf(LeaseLostException.class);
        beforeRestart.release();
        assertThat(lease().currentHolder("production")).as("the stale handle cannot free it").isEqualTo(CONTROLLER);
        afterRestart.release();
        assertThat(lease().currentHolder("production")).isNull();
    }

    @Test
    void releaseFreesTheEnvironmentAndIsIdempotent() {
        Lease lease = lease();
        LeaseHandle handle = lease.acquire("production", CONTROLLER, TTL);
        handle.release();
        handle.release();
        assertThat(lease.currentHolder("production")).isNull();
        try (LeaseHandle next = lease().acquire("production", AGENT, TTL)) {
            assertThat(lease.currentHolder("production")).isEqualTo(AGENT);
        }
        assertThat(lease.state("production")).isEmpty();
    }

    @Test
    void anExpiredLockIsTakenOverAndTheOldHolderLearnsItLostIt() {
        LeaseHandle old = lease().acquire("production", CONTROLLER, TTL);
        clock.advance(TTL.minusSeconds(1));
        assertThat(lease().tryAcquire("production", AGENT, TTL)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(lease().currentHolder("production")).as("expired").isNull();

        LeaseHandle taken = lease().acquire("production", AGENT, TTL);
        assertThat(lease().state("production")).get().satisfies(s -> {
            assertThat(s.holder()).isEqualTo(AGENT);
            assertThat(s.acquiredAt()).isEqualTo(T0.plus(TTL));
        });
        assertThatThrownBy(old::renew).isInstanceOf(LeaseLostException.class)
                .hasMessageContaining("held by " + CONTROLLER + " expired and was taken over by " + AGENT);
        old.release();
        assertThat(lease().currentHolder("production")).as("a stale handle cannot free it").isEqualTo(AGENT);
        taken.release();
    }

    @Test
    void renewingKeepsTheLock() {
        LeaseHandle handle = lease().acquire("production", CONTROLLER, TTL);
        clock.advance(Duration.ofSeconds(30));
        handle.renew();
        assertThat(handle.expiresAt()).isEqualTo(T0.plusSeconds(70));
        clock.advance(Duration.ofSeconds(30));
        assertThat(lease().tryAcquire("production", AGENT, TTL)).isEmpty();
        assertThat(lease().state("production")).get().extracting(LeaseState::acquiredAt).isEqualTo(T0);
        handle.release();
    }

    @Test
    void ofConcurrentContendersExactlyOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            String environment = "race-" + round;
            int contenders = 6;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(contenders);
            List<Future<Optional<LeaseHandle>>> results = new ArrayList<>();
            try {
                for (int i = 0; i < contenders; i++) {
                    Lease lease = lease();
                    String holder = "contender-" + i;
                    results.add(pool.submit(() -> {
                        start.await();
                        return lease.tryAcquire(environment, holder, TTL);
                    }));
                }
                start.countDown();
                List<LeaseHandle> winners = new ArrayList<>();
                for (Future<Optional<LeaseHandle>> f : results) {
                    f.get(30, TimeUnit.SECONDS).ifPresent(winners::add);
                }
                assertThat(winners).hasSize(1);
                assertThat(lease().currentHolder(environment)).isEqualTo(winners.get(0).holder());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void ttlsBelowOneSecondAreRefused() {
        assertThatThrownBy(() -> lease().tryAcquire("production", CONTROLLER, Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
