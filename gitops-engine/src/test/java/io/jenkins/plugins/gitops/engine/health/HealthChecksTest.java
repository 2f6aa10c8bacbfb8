package io.jenkins.plugins.gitops.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.render.SafeYaml;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(30)
class HealthChecksTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            deployment/healthy.yaml               | HEALTHY     | 2/2 replicas available
            deployment/not-observed.yaml          | PROGRESSING | observed deployment generation less than desired
            deployment/rolling.yaml               | PROGRESSING | 1 out of 3 new replicas have been updated
            deployment/old-pending.yaml           | PROGRESSING | 1 old replicas are pending termination
            deployment/unavailable.yaml           | PROGRESSING | 1 of 2 updated replicas are available
            deployment/deadline-exceeded.yaml     | DEGRADED    | image "nginx:broken" cannot be pulled (ErrImagePull)
            deployment/paused.yaml                | PROGRESSING | paused
            statefulset/healthy.yaml              | HEALTHY     | 3 pods at revision db-5f9
            statefulset/not-ready.yaml            | PROGRESSING | Waiting for 2 pods to be ready
            statefulset/rolling-update.yaml       | PROGRESSING | rolling update to complete 1 pods at revision db-77a
            statefulset/not-observed.yaml         | PROGRESSING | spec update to be observed
            daemonset/healthy.yaml                | HEALTHY     | 3/3 pods available
            daemonset/updating.yaml               | PROGRESSING | 1 out of 3 new pods have been updated
            daemonset/unavailable.yaml            | PROGRESSING | 2 of 3 updated pods are available
            job/complete.yaml                     | HEALTHY     | job completed
            job/failed.yaml                       | DEGRADED    | BackoffLimitExceeded: Job has reached the specified backoff limit
            job/running.yaml                      | PROGRESSING | 1 active
            pod/running.yaml                      | HEALTHY     | 1/1 containers ready
            pod/crashloop.yaml                    | DEGRADED    | container web: CrashLoopBackOff
            pod/image-pull-backoff.yaml           | DEGRADED    | ImagePullBackOff: Back-off pulling image "nginx:broken"
            pod/err-image-pull.yaml               | DEGRADED    | ErrImagePull
            pod/pending.yaml                      | PROGRESSING | pending
            pod/failed.yaml                       | DEGRADED    | Evicted: The node was low on resource memory
            pod/succeeded.yaml                    | HEALTHY     | ''
            pvc/bound.yaml                        | HEALTHY     | bound
            pvc/pending.yaml                      | PROGRESSING | pending
            pvc/lost.yaml                         | DEGRADED    | lost
            service/cluster-ip.yaml               | HEALTHY     | ''
            service/load-balancer-pending.yaml    | PROGRESSING | waiting for the load balancer
            service/load-balancer-ready.yaml      | HEALTHY     | 203.0.113.10
            ingress/no-address.yaml               | HEALTHY     | no load balancer address
            ingress/with-address.yaml             | HEALTHY     | lb.example.com
            configmap/any.yaml                    | HEALTHY     | ''
            """)
    void fixtureHasExpectedHealth(String fixture, HealthStatus status, String messagePart) throws IOException {
        Health health = HealthChecks.of(load(fixture));

        assertThat(health.status()).as(health.toString()).isEqualTo(status);
        assertThat(health.message()).contains(messagePart);
    }

    @Test
    void absentObjectIsMissingAndDeletingObjectIsProgressing() throws IOException {
        assertThat(HealthChecks.of(null).status()).isEqualTo(HealthStatus.MISSING);

        Map<String, Object> deleting = load("deployment/healthy.yaml");
        io.jenkins.plugins.gitops.engine.model.Manifests.ensureMap(deleting, "metadata")
                .put("deletionTimestamp", "2025-01-01T00:00:00Z");
        assertThat(HealthChecks.of(deleting)).isEqualTo(Health.progressing("being deleted"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String fixture) throws IOException {
        try (InputStream in = HealthChecksTest.class.getResourceAsStream("/health/" + fixture)) {
            assertThat(in).as(fixture).isNotNull();
            Object parsed = SafeYaml.load(in.readAllBytes(), fixture);
            return io.jenkins.plugins.gitops.engine.model.Manifests.mutableCopy((Map<String, Object>) parsed);
        }
    }
}
