package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.jenkins.plugins.gitops.engine.api.HookRun;
import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync hooks and Argo CD conventions end to end, against the in-process API with its controller stand-in
 * completing Jobs and Pods (and failing those whose image carries the {@code :broken} marker).
 */
@Timeout(120)
class SyncHooksTest {
    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private WorkRepository repo;
    private GitOps gitOps;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() {
        api = InProcessKubernetes.start();
        api.startControllerStandIn();
        repo = new WorkRepository(temp.resolve("repo"), "gitops/hooks");
        gitOps = GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache"))
                .targets(env -> new KubernetesTarget(api.newClient(), env)).listener(log::add).build();
    }

    @AfterEach
    void stop() {
        gitOps.close();
        repo.close();
        api.close();
    }

    @Test
    void hooksRunInPhaseAndWaveOrderAndAreReported() {
        SyncResult result = gitOps.sync(SyncRequest.of("web"));

        assertThat(result.succeeded()).as(result.message()).isTrue();
        String rev7 = repo.tip().substring(0, 7);
        List<String> steps = log.stream().map(String::strip)
                .filter(l -> l.startsWith("hook ") || l.startsWith("create ")).toList();
        assertThat(steps).hasSize(14);
        // the namespace the hooks run in, then the PreSync hook
        assertThat(steps.get(0)).isEqualTo("create Namespace/shop");
        assertThat(steps.get(1)).startsWith("hook PreSync hook Job/shop/db-migrate-" + rev7 + "-presync-");
        // then the Sync phase wave by wave: -2 (the CRD goes first, then its Coupon), -1, 0, 1 (with the Sync hook)
        assertThat(steps.subList(2, 5)).containsExactly("create CustomResourceDefinition/coupons.shop.example.com",
                "create Coupon/shop/welcome", "create ConfigMap/shop/settings");
        assertThat(steps.get(steps.size() - 2)).isEqualTo("hook Sync hook Job/shop/seed (wave 1)");
        assertThat(steps.get(steps.size() - 1)).isEqualTo("hook PostSync hook Pod/shop/smoke-test");

        assertThat(result.hooks()).extracting(HookRun::phase, HookRun::kind, HookRun::result)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PreSync", "Job", "succeeded"),
                        org.assertj.core.groups.Tuple.tuple("Sync", "Job", "succeeded"),
                        org.assertj.core.groups.Tuple.tuple("PostSync", "Pod", "succeeded"),
                        org.assertj.core.groups.Tuple.tuple("SyncFail", "Job", "not run"));
        HookRun migrate = result.hooks().get(0);
        assertThat(migrate.name()).matches("db-migrate-" + rev7 + "-presync-\\d+");
        assertThat(migrate.deleted()).as("HookSucceeded").isTrue();
        assertThat(api.client().batch().v1().jobs().inNamespace("shop").withName(migrate.name()).get()).isNull();
        assertThat(api.client().batch().v1().jobs().inNamespace("shop").withName("seed").get()).isNotNull();
        assertThat(api.client().pods().inNamespace("shop").withName("smoke-test").get().getStatus().getPhase())
                .isEqualTo("Succeeded");
        assertThat(result.objects()).extracting(ObjectResult::name).doesNotContain("seed", "smoke-test", migrate.name());
        assertThat(result.summary()).contains("hooks: 1 not run, 3 succeeded");

        DeploymentRecord record = gitOps.history("web").get(0);
        assertThat(record.hooks()).containsExactly("PreSync Job/shop/" + migrate.name() + ": succeeded (deleted)",
                "Sync Job/shop/seed: succeeded", "PostSync Pod/shop/smoke-test: succeeded",
                "SyncFail Job/shop/" + result.hooks().get(3).name() + ": not run");
    }

    @Test
    void aFailedPreSyncHookFailsTheSyncWithItsReasonAppliesNothingAndRunsSyncFailHooks() {
        repo.write("environments/web/migrate.yaml", repo.read("environments/web/migrate.yaml")
                .replace("migrate:1.0.0", "migrate:broken"));
        repo.commit("a migration that cannot start");

        SyncResult result = gitOps.sync(SyncRequest.of("web"));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).matches("PreSync hook Job/shop/db-migrate-\\w+-presync-\\d+ failed:"
                + " BackoffLimitExceeded: Job has reached the specified backoff limit.*");
        assertThat(api.client().apps().deployments().inNamespace("shop").withName("web").get()).isNull();
        assertThat(result.objects()).filteredOn(o -> !o.kind().equals("Namespace"))
                .allMatch(o -> o.outcome().equals("not_attempted"));
        assertThat(result.hooks()).extracting(HookRun::phase, HookRun::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PreSync", "failed"),
                org.assertj.core.groups.Tuple.tuple("Sync", "not run"),
                org.assertj.core.groups.Tuple.tuple("PostSync", "not run"),
                org.assertj.core.groups.Tuple.tuple("SyncFail", "succeeded"));
        // HookSucceeded: a failed hook stays for inspection
        assertThat(api.client().batch().v1().jobs().inNamespace("shop").withName(result.hooks().get(0).name()).get())
                .isNotNull();
        assertThat(gitOps.history("web").get(0).result()).isEqualTo(DeploymentRecord.Result.FAILED);
    }

    @Test
    void aFailedHookTriggersAutoRollbackWhereConfigured() {
        String good = repo.tip();
        assertThat(gitOps.sync(SyncRequest.of("web-auto")).succeeded()).isTrue();
        repo.write("environments/web/smoke.yaml", repo.read("environments/web/smoke.yaml").replace("smoke:1.0.0",
                "smoke:broken"));
        repo.write("environments/web/settings.yaml", repo.read("environments/web/settings.yaml").replace("EUR", "USD"));
        repo.commit("a smoke test that fails");

        SyncResult result = gitOps.sync(SyncRequest.of("web-auto"));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("PostSync hook Pod/shop-auto/smoke-test failed: container smoke:"
                + " ImagePullBackOff");
        List<DeploymentRecord> history = gitOps.history("web-auto");
        assertThat(history.get(0).operation()).isEqualTo(DeploymentRecord.Operation.ROLLBACK);
        assertThat(history.get(0).revision()).isEqualTo(good);
        assertThat(history.get(0).succeeded()).as(history.get(0).message()).isTrue();
        ConfigMap settings = api.client().configMaps().inNamespace("shop-auto").withName("settings").get();
        assertThat(settings.getData()).containsEntry("currency", "EUR");
    }

    @Test
    void hooksAreNeverPrunedAndBeforeHookCreationReplacesTheOldHook() {
        assertThat(gitOps.sync(SyncRequest.of("web")).succeeded()).isTrue();
        Job firstSeed = api.client().batch().v1().jobs().inNamespace("shop").withName("seed").get();
        repo.delete("environments/web/smoke.yaml");
        repo.write("environments/web/settings.yaml", repo.read("environments/web/settings.yaml").replace("EUR", "GBP"));
        repo.commit("no smoke test any more");

        SyncResult second = gitOps.sync(SyncRequest.of("web"));

        assertThat(second.succeeded()).as(second.message()).isTrue();
        assertThat(second.deleted()).isZero();
        assertThat(api.client().pods().inNamespace("shop").withName("smoke-test").get()).as("hooks are never pruned")
                .isNotNull();
        Job secondSeed = api.client().batch().v1().jobs().inNamespace("shop").withName("seed").get();
        assertThat(secondSeed.getMetadata().getUid()).as("BeforeHookCreation: a new Job")
                .isNotEqualTo(firstSeed.getMetadata().getUid());
    }

    @Test
    void aNoOpSyncOfARecordedRevisionRunsNoHookAndWritesNothing() {
        assertThat(gitOps.sync(SyncRequest.of("web")).succeeded()).isTrue();
        api.resetRequestCounts();

        SyncResult again = gitOps.sync(SyncRequest.of("web"));

        assertThat(again.succeeded()).as(again.message()).isTrue();
        assertThat(again.hooks()).isEmpty();
        assertThat(again.recordId()).as("nothing recorded").isNull();
        assertThat(api.requestCounts()).doesNotContainKeys("POST", "PUT", "PATCH", "DELETE");
    }

    @Test
    void aDryRunAndDiffListTheHooksThatWouldRunAndWriteNothing() {
        api.resetRequestCounts();
        SyncResult diff = gitOps.diff(SyncRequest.of("web"));

        assertThat(diff.hooks()).extracting(HookRun::phase).containsExactly("PreSync", "Sync", "PostSync", "SyncFail");
        assertThat(diff.hooks()).extracting(HookRun::message).containsExactly("dry run: would run",
                "dry run: would run", "dry run: would run", "dry run: would run if the sync fails");
        assertThat(api.requestCounts()).doesNotContainKeys("POST", "PUT", "PATCH", "DELETE");
    }

    @Test
    void argoCdFluxAndHelmAnnotationsKeepObjectsFromPrune() {
        assertThat(gitOps.sync(SyncRequest.of("web")).succeeded()).isTrue();
        repo.delete("environments/web/kept.yaml");
        repo.commit("remove the protected objects");

        SyncResult result = gitOps.sync(SyncRequest.of("web"));

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.deleted()).isEqualTo(1);
        assertThat(result.pruneSkipped()).isEqualTo(4);
        assertThat(result.objects()).filteredOn(o -> o.action().equals("prune skipped"))
                .extracting(ObjectResult::name, ObjectResult::message).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("kept-argocd-prune",
                                "not in Git; not pruned because of argocd.argoproj.io/sync-options: Prune=false"),
                        org.assertj.core.groups.Tuple.tuple("kept-argocd-delete",
                                "not in Git; not pruned because of argocd.argoproj.io/sync-options: Delete=false"),
                        org.assertj.core.groups.Tuple.tuple("kept-flux",
                                "not in Git; not pruned because of kustomize.toolkit.fluxcd.io/prune: disabled"),
                        org.assertj.core.groups.Tuple.tuple("kept-helm",
                                "not in Git; not pruned because of helm.sh/resource-policy: keep"));
        for (String kept : List.of("kept-argocd-prune", "kept-argocd-delete", "kept-flux", "kept-helm")) {
            assertThat(api.client().configMaps().inNamespace("shop").withName(kept).get()).as(kept).isNotNull();
        }
        assertThat(api.client().configMaps().inNamespace("shop").withName("not-kept").get()).isNull();
    }
}
