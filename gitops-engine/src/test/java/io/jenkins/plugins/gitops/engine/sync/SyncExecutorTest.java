package io.jenkins.plugins.gitops.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.cluster.TargetException;
import io.jenkins.plugins.gitops.engine.health.Health;
import io.jenkins.plugins.gitops.engine.health.HealthStatus;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.RetryPolicy;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.testing.InMemoryTarget;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncExecutorTest {
    private final InMemoryTarget target = new InMemoryTarget();
    private final Environment env = Environment.of("development", "environments/development",
            TargetSpec.kubernetes("docs-dev"));
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private final SyncOptions options = SyncOptions.defaults(Duration.ofSeconds(30)).withPollInterval(Duration.ofMillis(1));

    @Test
    void createsInKindOrderThenSecondRunChangesNothing() {
        DesiredState desired = state(object("Deployment", "web", Map.of()), object("Service", "web", Map.of()),
                object("Namespace", "docs-dev", Map.of()));
        SyncOutcome first = run(desired);
        assertThat(first.succeeded()).isTrue();
        assertThat(target.writes).containsExactly("create Namespace/docs-dev", "create Service/docs-dev/web",
                "create Deployment/docs-dev/web");
        target.writes.clear();
        SyncOutcome second = run(desired);
        assertThat(second.succeeded()).isTrue();
        assertThat(second.plan().hasChanges()).isFalse();
        assertThat(target.writes).isEmpty();
        assertThat(second.health()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void wavesComeBeforeKindOrder() {
        DesiredState desired = state(object("Service", "late", Map.of(Labels.SYNC_WAVE, "2")),
                object("Deployment", "early", Map.of(Labels.SYNC_WAVE, "-1")));
        run(desired);
        assertThat(target.writes).containsExactly("create Deployment/docs-dev/early", "create Service/docs-dev/late");
    }

    @Test
    void badWaveAnnotationIsRefusedBeforeAnyWrite() {
        DesiredState desired = state(object("Service", "web", Map.of(Labels.SYNC_WAVE, "soon")));
        assertThatThrownBy(() -> run(desired)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("app.yaml: Service 'web': annotation gitops.jenkins.io/sync-wave is 'soon'");
        assertThat(target.writes).isEmpty();
    }

    @Test
    void pruneDeletesOnlyWhenEnabledAndReportsOtherwise() {
        run(state(object("Service", "old", Map.of()), object("Service", "web", Map.of())));
        target.writes.clear();
        SyncOutcome kept = new SyncExecutor(target, RetryPolicy.DEFAULT, progress::add, sleeps::add)
                .execute(new SyncPlanner(target).plan(env.withPrune(false), state(object("Service", "web", Map.of())),
                        target.live(null)), options);
        assertThat(kept.plan().count(SyncAction.PRUNE_SKIPPED)).isEqualTo(1);
        assertThat(target.writes).isEmpty();
        run(state(object("Service", "web", Map.of())));
        assertThat(target.writes).containsExactly("delete Service/docs-dev/old");
    }

    @Test
    void retryableFailuresAreRetriedWithExponentialBackoff() {
        target.failures.add(new TargetException("HTTP 503 service unavailable", true, null));
        target.failures.add(new TargetException("HTTP 429 too many requests", true, null));
        SyncOutcome outcome = run(state(object("Service", "web", Map.of())));
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.results().get(0).attempts()).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void anUpdateRetriedAfterAConflictIsComputedFromTheObjectAsItIsNow() {
        run(state(object("Service", "web", Map.of())));
        SyncPlan plan = plan(state(object("Service", "web", Map.of("team", "docs"))));
        Resource changedMeanwhile = object("Service", "web", Map.of("status-written-by", "a controller"));
        target.objects.put(changedMeanwhile.key(), changedMeanwhile); // the object changed after it was listed
        target.failures.add(new TargetException("HTTP 409: the object has been modified", true, null));

        SyncOutcome outcome = new SyncExecutor(target, RetryPolicy.DEFAULT, progress::add, sleeps::add).execute(plan, options);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(target.updatedFrom).hasSize(2);
        assertThat(target.updatedFrom.get(0)).as("first attempt: as listed").isEqualTo(plan.tasks().get(0).live());
        assertThat(target.updatedFrom.get(1)).as("the retry: read again").isEqualTo(changedMeanwhile);
    }

    @Test
    void permanentFailureStopsTheSyncAndNamesTheObject() {
        DesiredState desired = state(object("Service", "web", Map.of()), object("Deployment", "web", Map.of()));
        target.failures.add(new TargetException("HTTP 422 spec.ports: Required value", false, null));
        SyncOutcome outcome = run(desired);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).isEqualTo(
                "app.yaml: Service/docs-dev/web: create failed: HTTP 422 spec.ports: Required value");
        assertThat(outcome.results()).extracting(TaskResult::outcome)
                .containsExactly(TaskResult.Outcome.FAILED, TaskResult.Outcome.NOT_ATTEMPTED);
        assertThat(target.objects).isEmpty();
    }

    @Test
    void retriesStopAtTheLimit() {
        for (int i = 0; i < 3; i++) {
            target.failures.add(new TargetException("HTTP 500", true, null));
        }
        SyncOutcome outcome = new SyncExecutor(target, new RetryPolicy(2, Duration.ofMillis(10), 2, Duration.ofMinutes(1)),
                progress::add, sleeps::add).execute(plan(state(object("Service", "web", Map.of()))), options);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).contains("HTTP 500 (after 3 attempts)");
    }

    @Test
    void waitsUntilHealthyAndFailsFastOnDegradedWithTheReason() {
        Resource web = object("Deployment", "web", Map.of());
        target.healthScript.put(web.key(), new ArrayDeque<>(List.of(Health.progressing("0/2 available"),
                Health.progressing("1/2 available"), Health.HEALTHY)));
        SyncOutcome healthy = run(state(web));
        assertThat(healthy.succeeded()).isTrue();
        assertThat(healthy.results().get(0).health()).isEqualTo(Health.HEALTHY);

        Resource broken = object("Deployment", "broken", Map.of());
        target.healthScript.put(broken.key(), new ArrayDeque<>(List.of(Health.progressing("0/1"),
                Health.degraded("ProgressDeadlineExceeded: image cannot be pulled"))));
        SyncOutcome degraded = run(state(web, broken));
        assertThat(degraded.succeeded()).isFalse();
        assertThat(degraded.message()).contains("Deployment/docs-dev/broken is Degraded (ProgressDeadlineExceeded: image cannot be pulled)");
    }

    @Test
    void healthWaitTimesOutNamingWhatIsNotHealthy() {
        Resource web = object("Deployment", "web", Map.of());
        target.healthScript.put(web.key(), new ArrayDeque<>(List.of(Health.progressing("0/2 available"))));
        SyncOutcome outcome = new SyncExecutor(target, RetryPolicy.DEFAULT, progress::add, sleeps::add)
                .execute(plan(state(web)), new SyncOptions(false, true, Duration.ofMillis(50), Duration.ofMillis(5)));
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).contains("not healthy after 0s: Deployment/docs-dev/web Progressing (0/2 available)");
    }

    @Test
    void dryRunWritesNothing() {
        SyncOutcome outcome = new SyncExecutor(target, RetryPolicy.DEFAULT, progress::add, sleeps::add)
                .execute(plan(state(object("Service", "web", Map.of()))), options.withDryRun(true));
        assertThat(outcome.results().get(0).outcome()).isEqualTo(TaskResult.Outcome.NOT_ATTEMPTED);
        assertThat(target.writes).isEmpty();
    }

    @Test
    void serverSideDryRunChecksEveryCreateAndUpdateAndReportsEveryRefusalWithoutWriting() {
        run(state(object("Service", "web", Map.of())));
        target.writes.clear();
        Resource changedService = object("Service", "web", Map.of("example.com/x", "1"));
        Resource deployment = object("Deployment", "web", Map.of());
        Resource config = object("ConfigMap", "settings", Map.of());
        target.dryRunRefusals.put(deployment.key(), "HTTP 422: spec.selector: Required value");
        target.dryRunRefusals.put(config.key(), "HTTP 422: metadata.annotations: Too long");
        SyncPlan plan = plan(state(changedService, deployment, config));

        InvalidInputException e = catchThrowableOfType(() -> new SyncExecutor(target, RetryPolicy.DEFAULT, progress::add,
                sleeps::add).dryRunOnServer(plan), InvalidInputException.class);

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "app.yaml: Deployment 'web': HTTP 422: spec.selector: Required value",
                "app.yaml: ConfigMap 'settings': HTTP 422: metadata.annotations: Too long");
        assertThat(target.dryRuns).containsExactlyInAnyOrder("update Service/docs-dev/web",
                "create Deployment/docs-dev/web", "create ConfigMap/docs-dev/settings");
        assertThat(target.writes).isEmpty();

        target.dryRunRefusals.clear();
        assertThat(new SyncExecutor(target, RetryPolicy.DEFAULT, progress::add, sleeps::add).dryRunOnServer(plan))
                .isEqualTo(3);
    }

    private SyncOutcome run(DesiredState desired) {
        return new SyncExecutor(target, RetryPolicy.DEFAULT, progress::add, sleeps::add).execute(plan(desired), options);
    }

    private SyncPlan plan(DesiredState desired) {
        return new SyncPlanner(target).plan(env, desired, target.live(desired));
    }

    private static DesiredState state(Resource... resources) {
        return new DesiredState("development", "abc", List.of(resources), List.of());
    }

    /** An object as a target prepares it for {@link #env}: labelled with its owner. */
    private Resource object(String kind, String name, Map<String, String> annotations) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("labels", Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE, Labels.ENVIRONMENT, env.name(),
                Labels.OWNER, env.tracking().label()));
        if (!kind.equals("Namespace")) {
            metadata.put("namespace", "docs-dev");
        }
        metadata.put("annotations", annotations);
        return Resource.ofManifest(Map.of("apiVersion", kind.equals("Deployment") ? "apps/v1" : "v1", "kind", kind,
                "metadata", metadata), "app.yaml");
    }
}
