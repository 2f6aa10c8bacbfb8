package io.jenkins.plugins.gitops.engine.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.jenkins.plugins.gitops.engine.model.Labels;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesLeaseTest extends LeaseContract {
    static KubernetesClient client;
    private static final AtomicInteger TESTS = new AtomicInteger();
    /** The mock server keeps its objects for the whole class: each test gets its own namespace. */
    private final String namespace = "shop-" + TESTS.incrementAndGet();

    @Override
    io.jenkins.plugins.gitops.engine.lease.Lease lease() {
        return new KubernetesLease(client, namespace, clock);
    }

    private Lease stored(String environment) {
        return client.leases().inNamespace(namespace).withName(KubernetesLease.leaseName(environment)).get();
    }

    @Test
    void theLockIsALeaseObjectInTheEnvironmentsNamespace() {
        LeaseHandle handle = lease().acquire("production", CONTROLLER, TTL);
        Lease lease = stored("production");
        assertThat(lease.getMetadata().getName()).isEqualTo("gitops-lock-production");
        assertThat(lease.getMetadata().getLabels()).containsEntry(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
                .containsEntry(Labels.ENVIRONMENT, "production").containsEntry(Labels.INTERNAL, "true");
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(CONTROLLER);
        assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(40);
        assertThat(lease.getSpec().getRenewTime().toInstant()).isEqualTo(T0);
        assertThat(lease.getSpec().getLeaseTransitions()).isZero();
        handle.release();
        assertThat(stored("production").getSpec().getHolderIdentity()).isNull();
        lease().acquire("production", AGENT, TTL).release();
        assertThat(stored("production").getSpec().getLeaseTransitions()).isZero();
    }

    @Test
    void aLeaseWrittenByAnotherProcessIsRespectedAndTakenOverWhenExpired() {
        // as another controller (or an older agent) would have written it
        client.leases().inNamespace(namespace).resource(new LeaseBuilder().withNewMetadata()
                .withName("gitops-lock-staging").endMetadata().withNewSpec().withHolderIdentity("other-controller/job/x#7")
                .withAcquireTime(T0.minusSeconds(100).atZone(ZoneOffset.UTC))
                .withRenewTime(T0.minusSeconds(10).atZone(ZoneOffset.UTC)).withLeaseDurationSeconds(30)
                .withLeaseTransitions(3).endSpec().build()).create();
        assertThat(lease().currentHolder("staging")).isEqualTo("other-controller/job/x#7");
        assertThat(lease().tryAcquire("staging", AGENT, TTL)).isEmpty();
        clock.advance(Duration.ofSeconds(20));
        LeaseHandle handle = lease().acquire("staging", AGENT, TTL);
        assertThat(stored("staging").getSpec().getLeaseTransitions()).isEqualTo(4);
        assertThat(stored("staging").getSpec().getHolderIdentity()).isEqualTo(AGENT);
        handle.release();
    }
}
