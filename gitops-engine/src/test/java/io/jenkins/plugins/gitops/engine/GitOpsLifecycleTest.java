package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.gitops.engine.api.DriftReport;
import io.jenkins.plugins.gitops.engine.api.EnvironmentStatus;
import io.jenkins.plugins.gitops.engine.api.OperationResult;
import io.jenkins.plugins.gitops.engine.api.RollbackRequest;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.lease.KubernetesLease;
import io.jenkins.plugins.gitops.engine.lease.LeaseHandle;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** History, rollback, drift, self-heal, auto-rollback and locking through the facade, on real Git and the in-process API. */
@Timeout(180)
class GitOpsLifecycleTest {
    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private WorkRepository repo;
    private final List<String> log = new ArrayList<>();

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

    /** A facade as a fresh CI server would build it: its own, empty cache. */
    private GitOps gitOps(String name) {
        return GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache-" + name))
                .targets(env -> new KubernetesTarget(api.newClient(), env)).listener(log::add).holder(name).build();
    }

    private String release(String tag) {
        repo.write("environments/dev/app.yaml", repo.read("environments/dev/app.yaml")
                .replaceAll("docs/web:[^\\s]+", "docs/web:" + tag));
        return repo.commit("release " + tag);
    }

    private String liveImage() {
        Deployment web = api.client().apps().deployments().inNamespace("docs-dev").withName("web").get();
        return web.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    @Test
    void historyIsKeptInTheClusterAndSurvivesTheLossOfTheCiServer() {
        String v1;
        try (GitOps first = gitOps("ci-1")) {
            v1 = repo.tip();
            SyncResult result = first.sync(SyncRequest.of("dev").withTrigger("pipeline", "alice"));
            assertThat(result.recordId()).isNotBlank();
        }
        String v2 = release("1.1.0");
        try (GitOps second = gitOps("ci-2")) { // new cache folder: nothing local survives
            second.sync(SyncRequest.of("dev"));
            List<DeploymentRecord> history = second.history("dev");
            assertThat(history).extracting(DeploymentRecord::revision).containsExactly(v2, v1);
            assertThat(history.get(1).actor()).isEqualTo("alice");
            assertThat(history.get(0).release()).containsValue("docs/web:1.1.0");
            assertThat(api.client().configMaps().inNamespace("docs-dev").withName("gitops-history-dev").get()).isNotNull();
        }
        try (GitOps third = gitOps("ci-3")) { // yet another CI server rolls back from the records in the cluster
            OperationResult rollback = third.rollback(RollbackRequest.of("dev"));
            assertThat(rollback.succeeded()).as(rollback.message()).isTrue();
            assertThat(liveImage()).isEqualTo("docs/web:1.0.0");
            assertThat(third.history("dev").get(0).rolledBackTo()).isEqualTo(third.history("dev").get(2).id());
        }
    }

    @Test
    void revertRollbackWritesGitAndSyncsSoDriftHasNothingToUndo() {
        try (GitOps gitOps = gitOps("ci")) {
            gitOps.sync(SyncRequest.of("dev"));
            release("1.1.0");
            gitOps.sync(SyncRequest.of("dev"));
            assertThat(liveImage()).isEqualTo("docs/web:1.1.0");

            OperationResult rollback = gitOps.rollback(RollbackRequest.of("dev").withTrigger("manual", "bob"));
            assertThat(rollback.succeeded()).as(rollback.message()).isTrue();
            assertThat(rollback.commitId()).isEqualTo(repo.tip());
            assertThat(repo.read("environments/dev/app.yaml")).contains("docs/web:1.0.0");
            assertThat(liveImage()).isEqualTo("docs/web:1.0.0");
            DeploymentRecord record = gitOps.history("dev").get(0);
            assertThat(record.operation()).isEqualTo(DeploymentRecord.Operation.ROLLBACK);
            assertThat(record.rolledBackTo()).isNotBlank();

            DriftReport drift = gitOps.drift("dev", true);
            assertThat(drift.drifted()).as(drift.message()).isFalse();
            assertThat(drift.pinned()).isFalse();
            assertThat(liveImage()).isEqualTo("docs/web:1.0.0");
        }
    }

    @Test
    void rollbackToPreviousSkipsDeploymentsOfTheReleaseThatRunsNow() {
        repo.write("gitops.yaml", repo.read("gitops.yaml").replace("prune: true", "prune: true\n    selfHeal: true"));
        repo.commit("self-heal on");
        try (GitOps gitOps = gitOps("ci")) {
            gitOps.sync(SyncRequest.of("dev"));
            String v1Record = gitOps.history("dev").get(0).id();
            release("2.0.0");
            gitOps.sync(SyncRequest.of("dev"));
            // drift healed by a sync: a new record of the same release
            api.client().apps().deployments().inNamespace("docs-dev").withName("web").edit(d -> {
                d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("docs/web:hotfix");
                return d;
            });
            assertThat(gitOps.drift("dev", true).healed().succeeded()).isTrue();
            // a commit outside the environment's folder: a new revision, the same release
            repo.write("README.md", "docs platform\n");
            repo.commit("readme");
            gitOps.sync(SyncRequest.of("dev"));
            assertThat(gitOps.history("dev")).hasSize(4);

            OperationResult rollback = gitOps.rollback(RollbackRequest.of("dev"));
            assertThat(rollback.succeeded()).as(rollback.message()).isTrue();
            assertThat(rollback.message()).contains("record " + v1Record);
            assertThat(liveImage()).isEqualTo("docs/web:1.0.0");
            assertThat(gitOps.history("dev").get(0).rolledBackTo()).isEqualTo(v1Record);
        }
    }

    @Test
    void rollbackToPreviousWithNoOtherReleaseRecordedSaysSoAndWritesNothing() {
        try (GitOps gitOps = gitOps("ci")) {
            gitOps.sync(SyncRequest.of("dev"));
            repo.write("README.md", "docs platform\n");
            repo.commit("readme");
            gitOps.sync(SyncRequest.of("dev"));
            String tip = repo.tip();
            int records = gitOps.history("dev").size();
            api.resetRequestCounts();

            assertThatThrownBy(() -> gitOps.rollback(RollbackRequest.of("dev")))
                    .isInstanceOf(OperationFailedException.class)
                    .hasMessageContaining("rollback of 'dev' to previous: nothing to roll back to, nothing was changed")
                    .hasMessageContaining("all 2 recorded successful deployments run the same release as now");
            assertThat(repo.tip()).isEqualTo(tip);
            assertThat(gitOps.history("dev")).hasSize(records);
            assertThat(api.requestCounts()).doesNotContainKeys("POST", "PUT", "PATCH", "DELETE");
        }
    }

    @Test
    void directRollbackPinsUntilGitCatchesUp() {
        try (GitOps gitOps = gitOps("ci")) {
            String v1 = repo.tip();
            gitOps.sync(SyncRequest.of("dev"));
            release("1.1.0");
            gitOps.sync(SyncRequest.of("dev"));

            OperationResult rollback = gitOps.rollback(RollbackRequest.of("dev").withTo(v1.substring(0, 10))
                    .withMode(RollbackRequest.Mode.DIRECT));
            assertThat(rollback.commitId()).isNull();
            assertThat(liveImage()).isEqualTo("docs/web:1.0.0");
            EnvironmentStatus status = gitOps.status("dev");
            assertThat(status.pinned()).isTrue();
            assertThat(status.pinnedRevision()).isEqualTo(v1);

            DriftReport drift = gitOps.drift("dev", true);
            assertThat(drift.pinned()).isTrue();
            assertThat(drift.healed()).isNull();
            assertThat(liveImage()).isEqualTo("docs/web:1.0.0");

            release("1.0.0"); // someone fixes Git: it now says what runs
            assertThat(gitOps.status("dev").pinned()).isFalse();
        }
    }

    @Test
    void driftByHandIsReportedAndHealedButServerDefaultsAreNot() {
        repo.write("gitops.yaml", repo.read("gitops.yaml").replace("prune: true", "prune: true\n    selfHeal: true"));
        repo.commit("self-heal on");
        try (GitOps gitOps = gitOps("agent")) {
            gitOps.sync(SyncRequest.of("dev"));
            // the API server fills in defaults: no drift
            api.client().apps().deployments().inNamespace("docs-dev").withName("web").edit(d -> {
                d.getSpec().setRevisionHistoryLimit(10);
                d.getSpec().setProgressDeadlineSeconds(600);
                d.getSpec().getTemplate().getSpec().getContainers().get(0).setImagePullPolicy("IfNotPresent");
                d.getSpec().getTemplate().getSpec().setDnsPolicy("ClusterFirst");
                return d;
            });
            assertThat(gitOps.drift("dev", false).driftedObjects()).isZero();

            // a person edits the image and deletes a ConfigMap by hand
            api.client().apps().deployments().inNamespace("docs-dev").withName("web").edit(d -> {
                d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("docs/web:hotfix");
                return d;
            });
            api.client().configMaps().inNamespace("docs-dev").withName("feature-flags").delete();
            DriftReport report = gitOps.drift("dev", false);
            assertThat(report.driftedObjects()).isEqualTo(2);
            assertThat(report.objects()).extracting(o -> o.action() + " " + o.id())
                    .containsExactlyInAnyOrder("update Deployment/docs-dev/web", "create ConfigMap/docs-dev/feature-flags");

            DriftReport healed = gitOps.drift("dev", true);
            assertThat(healed.healed()).isNotNull();
            assertThat(healed.healed().succeeded()).isTrue();
            assertThat(liveImage()).isEqualTo("docs/web:1.0.0");
            assertThat(gitOps.history("dev").get(0).trigger()).isEqualTo(DeploymentRecord.TRIGGER_SELF_HEAL);
            assertThat(gitOps.drift("dev", false).driftedObjects()).isZero();
        }
    }

    @Test
    void gitAheadOfTheLastSyncIsReported() {
        try (GitOps gitOps = gitOps("agent")) {
            gitOps.sync(SyncRequest.of("dev"));
            String v2 = release("1.2.0");
            DriftReport report = gitOps.drift("dev", true); // manual sync policy: reported, not applied
            assertThat(report.gitAhead()).isTrue();
            assertThat(report.headRevision()).isEqualTo(v2);
            assertThat(report.healed()).isNull();
            assertThat(liveImage()).isEqualTo("docs/web:1.0.0");
        }
    }

    @Test
    void failedHealthWaitRollsBackAutomaticallyAndRecordsWhy() {
        repo.write("gitops.yaml", repo.read("gitops.yaml").replace("prune: true", "prune: true\n    autoRollback: true"));
        repo.commit("auto-rollback on");
        try (GitOps gitOps = gitOps("ci")) {
            assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).isTrue();
            release("broken");
            SyncResult failed = gitOps.sync(SyncRequest.of("dev"));
            assertThat(failed.succeeded()).isFalse();
            assertThat(liveImage()).isEqualTo("docs/web:1.0.0");
            DeploymentRecord rollback = gitOps.history("dev").get(0);
            assertThat(rollback.operation()).isEqualTo(DeploymentRecord.Operation.ROLLBACK);
            assertThat(rollback.trigger()).isEqualTo(DeploymentRecord.TRIGGER_AUTO);
            assertThat(rollback.message()).contains("auto-rollback after failed sync", "Degraded");
            assertThat(gitOps.status("dev").pinned()).isTrue();
        }
    }

    @Test
    void aSecondOperationOnTheSameEnvironmentIsRefusedNamingTheHolder() {
        try (GitOps gitOps = gitOps("ci")) {
            gitOps.sync(SyncRequest.of("dev"));
            release("1.1.0");
            KubernetesLease lease = new KubernetesLease(api.client(), "docs-dev");
            try (LeaseHandle held = lease.acquire("dev", "jenkins/deploy#42", Duration.ofMinutes(5))) {
                api.resetRequestCounts();
                assertThatThrownBy(() -> gitOps.sync(SyncRequest.of("dev"))).isInstanceOf(GitOpsException.class)
                        .hasMessageContaining("locked by jenkins/deploy#42");
                assertThat(liveImage()).isEqualTo("docs/web:1.0.0");
                assertThat(api.requestCounts()).doesNotContainKeys("PATCH", "DELETE");
            }
            assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).isTrue();
            assertThat(liveImage()).isEqualTo("docs/web:1.1.0");
        }
    }

    @Test
    void enforcedPolicyRefusesTheSyncBeforeAnyWrite() {
        repo.write("gitops.yaml", repo.read("gitops.yaml").replace("prune: true", "prune: true\n    policies: [no-latest-tag]"));
        repo.commit("policy");
        release("latest");
        try (GitOps gitOps = gitOps("ci")) {
            assertThatThrownBy(() -> gitOps.sync(SyncRequest.of("dev"))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("environments/dev/app.yaml").hasMessageContaining("Deployment 'web'")
                    .hasMessageContaining("no-latest-tag");
            assertThat(api.requestCounts()).doesNotContainKeys("POST", "PATCH", "PUT", "DELETE");
        }
    }
}
