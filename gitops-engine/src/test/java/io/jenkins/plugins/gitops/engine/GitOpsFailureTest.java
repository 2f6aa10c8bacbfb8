package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.testing.FaultyTarget;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Faults in the middle of a sync and two syncs at once: afterwards history says what happened and a re-run converges. */
@Timeout(180)
class GitOpsFailureTest {
    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private WorkRepository repo;

    @BeforeEach
    void start() {
        api = InProcessKubernetes.start();
        api.startControllerStandIn();
        repo = new WorkRepository(temp.resolve("repo"), "gitops/docs");
    }

    @AfterEach
    void stop() {
        repo.close();
        api.close();
    }

    @Test
    void apiFailingMidSyncIsRecordedAsItHappenedAndARerunConverges() {
        AtomicBoolean failing = new AtomicBoolean(true);
        try (GitOps gitOps = GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache")).holder("ci")
                .targets(env -> new FaultyTarget(new KubernetesTarget(api.newClient(), env),
                        failing.get() ? "Service" : "none", r -> { }))
                .build()) {
            SyncResult failed = gitOps.sync(SyncRequest.of("dev"));
            assertThat(failed.succeeded()).isFalse();
            assertThat(failed.message()).contains("Service/docs-dev/web", "HTTP 500", "after 4 attempts");
            // what really happened: config objects (applied before services) exist, the Deployment was never attempted
            assertThat(api.client().configMaps().inNamespace("docs-dev").withName("web-config").get()).isNotNull();
            assertThat(api.client().apps().deployments().inNamespace("docs-dev").withName("web").get()).isNull();
            DeploymentRecord record = gitOps.history("dev").get(0);
            assertThat(record.result()).isEqualTo(DeploymentRecord.Result.FAILED);
            assertThat(record.message()).contains("Service/docs-dev/web");
            assertThat(record.diffSummary()).anyMatch(l -> l.contains("Deployment/docs-dev/web") && l.contains("not attempted"));

            failing.set(false);
            SyncResult rerun = gitOps.sync(SyncRequest.of("dev"));
            assertThat(rerun.succeeded()).as(rerun.message()).isTrue();
            assertThat(rerun.unchanged()).isEqualTo(4); // namespace, two ConfigMaps and the Secret were already right
            assertThat(gitOps.diff(SyncRequest.of("dev")).inSync()).isTrue();
        }
    }

    @Test
    void twoSyncsOfOneEnvironmentNeverInterleaveTheSecondIsRefusedNamingTheFirst() throws Exception {
        CountDownLatch firstIsWriting = new CountDownLatch(1);
        CountDownLatch secondWasRefused = new CountDownLatch(1);
        try (GitOps first = GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache-1"))
                .holder("jenkins/deploy#41").targets(env -> new FaultyTarget(new KubernetesTarget(api.newClient(), env),
                        "none", r -> {
                            firstIsWriting.countDown();
                            await(secondWasRefused);
                        })).build();
                GitOps second = GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache-2"))
                        .holder("gitops-agent@host").targets(env -> new KubernetesTarget(api.newClient(), env)).build()) {
            CompletableFuture<SyncResult> running = CompletableFuture.supplyAsync(() -> first.sync(SyncRequest.of("dev")));
            assertThat(firstIsWriting.await(60, TimeUnit.SECONDS)).isTrue();
            Throwable refused = null;
            try {
                second.sync(SyncRequest.of("dev"));
            } catch (GitOpsException e) {
                refused = e;
            } finally {
                secondWasRefused.countDown();
            }
            assertThat(refused).isNotNull().hasMessageContaining("locked by jenkins/deploy#41");
            SyncResult done = running.get(120, TimeUnit.SECONDS);
            assertThat(done.succeeded()).isTrue();
            assertThat(second.history("dev")).hasSize(1).allMatch(r -> r.succeeded());
            assertThat(second.sync(SyncRequest.of("dev")).succeeded()).isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
