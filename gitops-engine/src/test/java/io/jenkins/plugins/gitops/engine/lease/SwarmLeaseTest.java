package io.jenkins.plugins.gitops.engine.lease;

import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmLease;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.gitops.engine.cluster.swarm.InternalConfigs;
import io.jenkins.plugins.gitops.engine.cluster.swarm.InternalConfigs.Config;
import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmConnection;
import io.jenkins.plugins.gitops.engine.model.Labels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lease contract against a real swarm manager (see .ci/swarm-up.sh); each test has its own stack. */
class SwarmLeaseTest extends LeaseContract {
    private static final String HOST = System.getenv("GITOPS_TEST_DOCKER_HOST");
    private InternalConfigs configs;

    @BeforeEach
    void connect() {
        assumeTrue(HOST != null, "GITOPS_TEST_DOCKER_HOST is not set: no Docker swarm manager to test against;"
                + " run `eval \"$(.ci/swarm-up.sh)\"` first (CI always does)");
        configs = InternalConfigs.open(SwarmConnection.plain(HOST), "lease-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36));
    }

    @AfterEach
    void removeConfigs() {
        if (configs != null) {
            configs.list(Map.of()).forEach(c -> configs.delete(c.id()));
            configs.close();
        }
    }

    @Override
    Lease lease() {
        return new SwarmLease(configs, clock);
    }

    private List<Config> stored(String environment) {
        return configs.list(Map.of(SwarmLease.LOCK, environment));
    }

    @Test
    void theLockIsALabelledConfigOfTheStackAndReleaseRemovesIt() {
        SwarmLease lease = new SwarmLease(configs, clock);
        LeaseHandle handle = lease.acquire("production", CONTROLLER, TTL);
        assertThat(stored("production")).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(configs.stack() + "_gitops-lock-production").isEqualTo(lease.lockName("production"));
            assertThat(c.labels()).containsEntry(Labels.STACK_NAMESPACE, configs.stack())
                    .containsEntry(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
                    .containsEntry(Labels.ENVIRONMENT, "production").containsEntry(Labels.INTERNAL, "true")
                    .containsEntry(SwarmLease.HOLDER, CONTROLLER)
                    .containsEntry(SwarmLease.ACQUIRED_AT, "2026-11-22T10:00:00Z")
                    .containsEntry(SwarmLease.EXPIRES_AT, String.valueOf(T0.plus(TTL).getEpochSecond()));
        });
        handle.release();
        assertThat(stored("production")).isEmpty();
    }

    @Test
    void aRenewalIsAConfigOfItsOwnAndReleaseRemovesItToo() {
        LeaseHandle handle = lease().acquire("production", CONTROLLER, TTL);
        clock.advance(Duration.ofSeconds(10));
        handle.renew();
        clock.advance(Duration.ofSeconds(10));
        handle.renew();
        assertThat(stored("production")).as("the lock and only the newest renewal").hasSize(2)
                .anySatisfy(c -> assertThat(c.label(InternalConfigs.KIND)).isEqualTo(SwarmLease.KIND_RENEWAL));
        assertThat(lease().state("production")).get().satisfies(s -> {
            assertThat(s.acquiredAt()).isEqualTo(T0);
            assertThat(s.expiresAt()).isEqualTo(T0.plusSeconds(60));
        });
        handle.release();
        assertThat(stored("production")).isEmpty();
    }

    @Test
    void renewingCloseToOrAfterExpiryRetakesTheLockWhenNobodyElseHasIt() {
        LeaseHandle handle = lease().acquire("production", CONTROLLER, TTL);
        clock.advance(TTL.plusSeconds(3));
        handle.renew();
        assertThat(handle.expiresAt()).isEqualTo(T0.plus(TTL).plusSeconds(3).plus(TTL));
        assertThat(lease().state("production")).get().satisfies(s -> {
            assertThat(s.holder()).isEqualTo(CONTROLLER);
            assertThat(s.acquiredAt()).isEqualTo(T0);
        });
        assertThat(lease().tryAcquire("production", AGENT, TTL)).isEmpty();
        handle.release();
        assertThat(lease().state("production")).isEmpty();
    }

    @Test
    void aRetakeThatLosesTheRaceReportsTheLockLost() {
        LeaseHandle old = lease().acquire("production", CONTROLLER, TTL);
        clock.advance(TTL);
        LeaseHandle taken = lease().acquire("production", AGENT, TTL);
        assertThatThrownBy(old::renew).isInstanceOf(LeaseLostException.class).hasMessageContaining(AGENT);
        assertThat(lease().currentHolder("production")).isEqualTo(AGENT);
        taken.release();
    }

    @Test
    void longNamesAreCutToSixtyFourCharactersAndStayDistinct() {
        String longEnv = "a-very-long-environment-name-for-a-customer-in-europe-west-";
        SwarmLease lease = new SwarmLease(configs, clock);
        assertThat(lease.lockName(longEnv + "1")).hasSize(64).isNotEqualTo(lease.lockName(longEnv + "2"));
        try (LeaseHandle first = lease.acquire(longEnv + "1", CONTROLLER, TTL);
                LeaseHandle second = lease.acquire(longEnv + "2", AGENT, TTL)) {
            assertThat(lease.currentHolder(longEnv + "1")).isEqualTo(CONTROLLER);
            assertThat(lease.currentHolder(longEnv + "2")).isEqualTo(AGENT);
        }
    }
}
