package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.api.OperationResult;
import io.jenkins.plugins.gitops.engine.api.PromoteRequest;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.promote.PromotionMessage;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Promotion through the facade: real Git (pushes to a bare "server"), the in-process API, every pre-check. */
@Timeout(180)
class GitOpsPromoteTest {
    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private WorkRepository repo;
    private GitOps gitOps;
    private Runnable beforePush = () -> { };

    @BeforeEach
    void start() {
        api = InProcessKubernetes.start();
        api.startControllerStandIn();
        repo = new WorkRepository(temp.resolve("repo"), "gitops/promote");
        gitOps = GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache"))
                .targets(env -> new KubernetesTarget(api.newClient(), env)).listener(message -> {
                    if (message.startsWith("Promoting")) {
                        beforePush.run();
                    }
                }).build();
    }

    @AfterEach
    void stop() {
        gitOps.close();
        repo.close();
        api.close();
    }

    private String image(String namespace) {
        return api.client().apps().deployments().inNamespace(namespace).withName("web").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getImage();
    }

    @Test
    void promotesTheDeployedReleaseWithAStructuredCommitAndSyncs() throws Exception {
        gitOps.sync(SyncRequest.of("dev"));
        gitOps.sync(SyncRequest.of("staging"));
        String devRevision = repo.tip();

        OperationResult result = gitOps.promote(PromoteRequest.of("dev", "staging").withSync(true)
                .withTrigger("pipeline", "bob"));

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.changes()).containsExactly("shop/web: shop/web:1.0.0 -> shop/web:1.2.0");
        assertThat(repo.read("environments/staging/kustomization.yaml"))
                .isEqualTo(repo.read("environments/dev/kustomization.yaml")); // comment kept, only the tag changed
        assertThat(image("shop-staging")).isEqualTo("shop/web:1.2.0");
        PromotionMessage message = PromotionMessage.parse(commitMessage(result.commitId())).orElseThrow();
        assertThat(message.from()).isEqualTo("dev");
        assertThat(message.to()).isEqualTo("staging");
        assertThat(message.sourceRevision()).isEqualTo(devRevision);
        assertThat(message.checks()).anyMatch(c -> c.startsWith("source healthy: passed"))
                .anyMatch(c -> c.startsWith("next stage: passed"));
        DeploymentRecord record = gitOps.history("staging").get(0);
        assertThat(record.operation()).isEqualTo(DeploymentRecord.Operation.PROMOTE);
        assertThat(record.revision()).isEqualTo(result.commitId());
    }

    @Test
    void onlyTheNextStageUnlessForced() {
        gitOps.sync(SyncRequest.of("dev"));
        String before = repo.tip();
        assertThatThrownBy(() -> gitOps.promote(PromoteRequest.of("dev", "production").withApprovedBy("alice")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'production' promotes from 'staging', not 'dev'");
        assertThat(repo.tip()).isEqualTo(before);
        OperationResult forced = gitOps.promote(PromoteRequest.of("dev", "production").withApprovedBy("alice").withForce(true));
        assertThat(forced.commitId()).isEqualTo(repo.tip());
        assertThat(commitMessage(forced.commitId())).contains("next stage: skipped (forced");
    }

    @Test
    void approvalEnvironmentsNeedARecordedApproverFromTheList() {
        gitOps.sync(SyncRequest.of("staging"));
        String before = repo.tip();
        assertThatThrownBy(() -> gitOps.promote(PromoteRequest.of("staging", "production")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sync: approval and no approver");
        assertThatThrownBy(() -> gitOps.promote(PromoteRequest.of("staging", "production").withApprovedBy("mallory")))
                .hasMessageContaining("'mallory' is not an approver of 'production' (approvers: alice, release-managers;"
                        + " mallory's groups: none known)");
        assertThatThrownBy(() -> gitOps.promote(PromoteRequest.of("staging", "production")
                .withApprovedBy("mallory", List.of("developers")))).hasMessageContaining("mallory's groups: developers");
        assertThat(repo.tip()).isEqualTo(before);
    }

    @Test
    void unhealthyOrDriftedSourceIsNotPromoted() {
        assertThatThrownBy(() -> gitOps.promote(PromoteRequest.of("dev", "staging")))
                .hasMessageContaining("'dev' has no successful deployment to promote");
        gitOps.sync(SyncRequest.of("dev"));
        api.client().apps().deployments().inNamespace("shop-dev").withName("web").edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("shop/web:hand-made");
            return d;
        });
        assertThatThrownBy(() -> gitOps.promote(PromoteRequest.of("dev", "staging")))
                .hasMessageContaining("'dev' is not in sync with its last deployment (1 object(s) drifted)");
    }

    @Test
    void aPushRacingThePromotionIsFetchedAndRetriedNeverForced() {
        gitOps.sync(SyncRequest.of("dev"));
        AtomicBoolean raced = new AtomicBoolean();
        beforePush = () -> {
            if (raced.compareAndSet(false, true)) {
                repo.write("README.md", "someone else pushed meanwhile\n");
                repo.commit("unrelated change");
            }
        };
        OperationResult result = gitOps.promote(PromoteRequest.of("dev", "staging"));
        assertThat(raced).isTrue();
        assertThat(repo.read("README.md")).contains("someone else pushed meanwhile");
        assertThat(repo.read("environments/staging/kustomization.yaml")).contains("newTag: 1.2.0");
        assertThat(result.commitId()).isEqualTo(repo.tip());
        assertThat(result.sync()).isNull();
        assertThat(gitOps.history("staging").get(0).message()).contains("not synced");
    }

    @Test
    void targetPoliciesAreCheckedBeforeThePush() {
        repo.write("environments/staging/kustomization.yaml", repo.read("environments/staging/kustomization.yaml")
                .replace("newTag: 1.0.0", "newTag: latest"));
        repo.commit("staging runs latest");
        gitOps.sync(SyncRequest.of("staging"));
        String before = repo.tip();
        assertThatThrownBy(() -> gitOps.promote(PromoteRequest.of("staging", "production").withApprovedBy("alice")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no-latest-tag");
        assertThat(repo.tip()).isEqualTo(before);
    }

    @Test
    void revertRollbackRefusesWhenSharedFilesOutsideTheFolderChangedAndDirectStillWorks() {
        gitOps.sync(SyncRequest.of("dev"));
        repo.write("environments/base/web.yaml", repo.read("environments/base/web.yaml").replace("replicas: 1", "replicas: 2"));
        repo.commit("scale the shared base");
        gitOps.sync(SyncRequest.of("dev"));
        String before = repo.tip();
        assertThatThrownBy(() -> gitOps.rollback(io.jenkins.plugins.gitops.engine.api.RollbackRequest.of("dev")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("restoring environments/dev alone does not give back the objects")
                .hasMessageContaining("use mode direct");
        assertThat(repo.tip()).isEqualTo(before);
        OperationResult direct = gitOps.rollback(io.jenkins.plugins.gitops.engine.api.RollbackRequest.of("dev")
                .withMode(io.jenkins.plugins.gitops.engine.api.RollbackRequest.Mode.DIRECT));
        assertThat(direct.succeeded()).isTrue();
        assertThat(api.client().apps().deployments().inNamespace("shop-dev").withName("web").get().getSpec()
                .getReplicas()).isEqualTo(1);
    }

    private String commitMessage(String commitId) {
        try (Git git = Git.open(Path.of(repo.remote()).toFile())) {
            RevCommit commit = git.getRepository().parseCommit(git.getRepository().resolve(commitId));
            return commit.getFullMessage();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
