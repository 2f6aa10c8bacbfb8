package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.api.HookRun;
import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
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

/** A Helm chart synced as Argo CD and Flux sync it: the cluster's capabilities, crds/ first and kept, hooks run. */
@Timeout(180)
class HelmSyncTest {
    private static final String GITOPS_YAML = """
            environments:
              prod:
                path: environments/prod
                target: { kubernetes: { namespace: shop } }
                prune: true
                health: { timeout: 20s }
              prod-prune-crds:
                path: environments/prod
                target: { kubernetes: { namespace: shop2 } }
                prune: true
                pruneCrds: true
                health: { timeout: 20s }
            """;

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
        repo = new WorkRepository(temp.resolve("repo"), "render/helm-platform");
        repo.write("gitops.yaml", GITOPS_YAML);
        repo.commit("environments");
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
    void chartRendersForTheClusterRunsItsHooksAndAppliesItsCrdsBeforeTheirObjects() {
        // kubeVersion: ">=1.23.0" in Chart.yaml: Helm's own default (v1.20.0) would refuse the chart
        SyncResult result = gitOps.sync(SyncRequest.of("prod"));

        assertThat(result.succeeded()).as(result.message()).isTrue();
        List<String> steps = log.stream().map(String::strip).filter(l -> l.startsWith("hook ") || l.startsWith("create "))
                .toList();
        assertThat(steps.get(0)).isEqualTo("create Namespace/shop");
        assertThat(steps.get(1)).isEqualTo("hook PreSync hook Job/shop/shop-migrate (wave -5)");
        assertThat(steps.indexOf("create CustomResourceDefinition/widgets.platform.example.com"))
                .isLessThan(steps.indexOf("create Widget/shop/shop-default"));
        assertThat(result.hooks()).extracting(HookRun::phase, HookRun::result, HookRun::deleted).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PreSync", "succeeded", false),
                org.assertj.core.groups.Tuple.tuple("PostSync", "succeeded", true));
        assertThat(result.hooks().get(1).name()).startsWith("shop-notify-");
        assertThat(api.client().configMaps().inNamespace("shop").withName("shop-capabilities").get().getData())
                .containsEntry("kubeVersion", "v1.33.0").containsEntry("monitoring", "false");
    }

    @Test
    void crdsRemovedFromTheChartAreKept() {
        assertThat(gitOps.sync(SyncRequest.of("prod")).succeeded()).isTrue();
        removeWidgets();

        SyncResult kept = gitOps.sync(SyncRequest.of("prod"));

        assertThat(kept.succeeded()).as(kept.message()).isTrue();
        assertThat(kept.objects()).filteredOn(o -> o.name().equals("widgets.platform.example.com"))
                .extracting(ObjectResult::action, ObjectResult::message).containsExactly(org.assertj.core.groups.Tuple
                        .tuple("prune skipped", "not in Git; not pruned because of gitops.jenkins.io/prune: disabled"));
        assertThat(api.client().apiextensions().v1().customResourceDefinitions()
                .withName("widgets.platform.example.com").get()).isNotNull();
    }

    @Test
    void crdsRemovedFromTheChartArePrunedWhenTheEnvironmentSetsPruneCrds() {
        assertThat(gitOps.sync(SyncRequest.of("prod-prune-crds")).succeeded()).isTrue();
        removeWidgets();

        SyncResult pruned = gitOps.sync(SyncRequest.of("prod-prune-crds"));

        assertThat(pruned.succeeded()).as(pruned.message()).isTrue();
        assertThat(pruned.objects()).filteredOn(o -> o.name().equals("widgets.platform.example.com"))
                .extracting(ObjectResult::action).containsExactly("delete");
        assertThat(api.client().apiextensions().v1().customResourceDefinitions()
                .withName("widgets.platform.example.com").get()).isNull();
    }

    private void removeWidgets() {
        repo.delete("charts/platform/crds/widgets.yaml");
        repo.delete("charts/platform/templates/widget.yaml");
        repo.commit("widgets are gone");
    }
}
