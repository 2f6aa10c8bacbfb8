package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.jenkins.plugins.gitops.testkit.ControllerStandIn;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.health.Health;
import io.jenkins.plugins.gitops.engine.health.HealthStatus;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ControllerStandInTest {
    private static final ResourceKey WEB = new ResourceKey("apps", "Deployment", "docs-dev", "web");

    private InProcessKubernetes api;
    private KubernetesTarget target;

    @BeforeEach
    void start() {
        api = InProcessKubernetes.start();
        target = new KubernetesTarget(api.newClient(), Fixtures.environment());
    }

    @AfterEach
    void stop() {
        target.close();
        api.close();
    }

    private void apply(String... files) {
        DesiredState prepared = target.prepare(Fixtures.state(files));
        target.validate(prepared);
        Map<ResourceKey, Resource> live = target.live(prepared);
        prepared.resources().forEach(r -> {
            if (live.containsKey(r.key())) {
                target.update(r, live.get(r.key()));
            } else {
                target.create(r);
            }
        });
    }

    private Health waitForHealth(HealthStatus wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Health health = target.health(target.get(WEB).orElseThrow());
        while (health.status() != wanted && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            health = target.health(target.get(WEB).orElseThrow());
        }
        return health;
    }

    @Test
    void deploymentBecomesHealthyThenDegradesWithABrokenImage() throws InterruptedException {
        apply("app/web.yaml");
        assertThat(target.health(target.get(WEB).orElseThrow()).status()).isEqualTo(HealthStatus.PROGRESSING);

        api.startControllerStandIn();
        assertThat(waitForHealth(HealthStatus.HEALTHY)).isEqualTo(Health.healthy("2/2 replicas available"));

        apply("app/web-broken.yaml");
        Health broken = waitForHealth(HealthStatus.DEGRADED);
        assertThat(broken.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(broken.message()).startsWith("ReplicaSet \"web-")
                .endsWith("has timed out progressing: image \"nginx:broken\" cannot be pulled (ErrImagePull)");
    }

    @Test
    void standInRequestsAreNotCountedAndAnUnchangedWorkloadIsNotRewritten() throws InterruptedException {
        apply("app/web.yaml");
        try (ControllerStandIn standIn = new ControllerStandIn(api.client())) {
            assertThat(standIn.reconcileOnce()).isEqualTo(1);
            assertThat(standIn.reconcileOnce()).isZero();
        }
        api.resetRequestCounts();
        try (ControllerStandIn running = api.startControllerStandIn()) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (running.passes() < 3 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(running.passes()).isGreaterThanOrEqualTo(3);
        }
        assertThat(api.requestCounts()).isEmpty();
        assertThat(target.health(target.get(WEB).orElseThrow()).status()).isEqualTo(HealthStatus.HEALTHY);
    }
}
