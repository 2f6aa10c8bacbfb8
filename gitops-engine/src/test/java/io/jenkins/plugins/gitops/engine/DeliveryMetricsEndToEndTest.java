package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.gitops.engine.api.OperationResult;
import io.jenkins.plugins.gitops.engine.api.RollbackRequest;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryMetrics;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryReport;
import io.jenkins.plugins.gitops.engine.delivery.DoraBand;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four delivery figures from real deployments: syncs, a failure rolled back automatically and a manual
 * rollback, on real Git (commits authored hours before they are deployed) and the in-process Kubernetes API.
 */
@Timeout(180)
class DeliveryMetricsEndToEndTest {
    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private WorkRepository repo;
    private GitOps gitOps;
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        api = InProcessKubernetes.start();
        api.startControllerStandIn();
        repo = new WorkRepository(temp.resolve("repo"), "gitops/docs");
        gitOps = GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache"))
                .targets(env -> new KubernetesTarget(api.newClient(), env)).build();
    }

    @AfterEach
    void tearDown() {
        gitOps.close();
        repo.close();
        api.close();
    }

    private void release(String tag, Duration ago) {
        repo.write("environments/dev/app.yaml", repo.read("environments/dev/app.yaml")
                .replaceAll("docs/web:[^\\s]+", "docs/web:" + tag));
        repo.commit("release " + tag, start.minus(ago));
    }

    @Test
    void deploymentsAFailureAndARollbackGiveTheFourFigures() {
        repo.write("gitops.yaml", repo.read("gitops.yaml").replace("prune: true", "prune: true\n    autoRollback: true"));
        repo.commit("auto-rollback on", start.minus(Duration.ofHours(5)));
        assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).isTrue();      // first deployment: its own commit
        release("1.1.0", Duration.ofHours(3));
        assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).isTrue();
        release("broken", Duration.ofHours(2));
        assertThat(gitOps.sync(SyncRequest.of("dev").withTimeout(Duration.ofSeconds(20))).succeeded()).isFalse();
        release("1.2.0", Duration.ofHours(1));                                     // auto-rollback pinned 1.1.0; Git moved
        assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).isTrue();
        OperationResult rollback = gitOps.rollback(RollbackRequest.of("dev").withTrigger("manual", "bob"));
        assertThat(rollback.succeeded()).as(rollback.message()).isTrue();
        Instant end = Instant.now().plusSeconds(1);

        DeliveryMetrics m = gitOps.delivery("dev", start.minus(Duration.ofDays(1)), end);

        // sync, sync, failed sync, auto-rollback, sync, manual rollback
        assertThat(m.deployments()).isEqualTo(6);
        assertThat(m.successfulDeployments()).isEqualTo(5);
        assertThat(m.perDay()).isCloseTo(5.0 / Duration.between(start.minus(Duration.ofDays(1)), end).toMillis()
                * 86_400_000, within(1e-9));
        assertThat(m.frequencyBand()).isEqualTo(DoraBand.ELITE);
        // changes: the four syncs; failed: the broken one and 1.2.0, which was rolled back
        assertThat(m.changes()).isEqualTo(4);
        assertThat(m.failedChanges()).isEqualTo(2);
        assertThat(m.changeFailureRate()).isEqualTo(0.5);
        // commits first deployed: 5 h (first sync), 3 h (1.1.0), 2 h (broken, healthy only with 1.2.0), 1 h (1.2.0)
        Duration elapsed = Duration.between(start, end);
        assertThat(m.commits()).isEqualTo(4);
        assertThat(m.leadTimeMedian()).isBetween(Duration.ofMinutes(150), Duration.ofMinutes(150).plus(elapsed));
        assertThat(m.leadTimeP90()).isBetween(Duration.ofHours(5), Duration.ofHours(5).plus(elapsed));
        assertThat(m.leadTimeBand()).isEqualTo(DoraBand.ELITE);
        // the failure restored by the auto-rollback, the rolled-back 1.2.0 restored by the manual rollback
        assertThat(m.restores()).isEqualTo(2);
        assertThat(m.unrestored()).isZero();
        assertThat(m.timeToRestoreMedian()).isLessThan(elapsed);
        assertThat(m.timeToRestoreBand()).isEqualTo(DoraBand.ELITE);
        assertThat(m.coversPeriod()).isFalse(); // the environment is younger than the period

        // the dashboard's report: the same records, over the 30 days and 12 weeks before `end`
        DeliveryReport report = gitOps.deliveryReport("dev", end);
        assertThat(report.figures().from()).isEqualTo(end.minus(DeliveryReport.WINDOW));
        assertThat(report.figures().deployments()).isEqualTo(6);
        assertThat(report.figures().failedChanges()).isEqualTo(2);
        assertThat(report.figures().commits()).isEqualTo(4);
        assertThat(report.trend().weeks()).hasSize(12);
        assertThat(report.trend().weeks().get(11).deployments()).isEqualTo(6);
        assertThat(report.trend().weeks().get(11).leadTimeMedian()).isEqualTo(report.figures().leadTimeMedian());
        assertThat(report.trend().weeks().subList(0, 11)).allSatisfy(w -> assertThat(w.deployments()).isZero());
    }
}
