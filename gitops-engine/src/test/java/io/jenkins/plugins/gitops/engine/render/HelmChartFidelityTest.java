package io.jenkins.plugins.gitops.engine.render;

import static io.jenkins.plugins.gitops.engine.render.Fixtures.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Hook;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A chart as Argo CD and Flux render it: the cluster's version and API versions from the in-process API's
 * discovery, crds/ first and kept, vendored subcharts (folder and archive, enabled by condition), hooks kept.
 */
@Timeout(120)
class HelmChartFidelityTest {
    private static InProcessKubernetes api;
    private static ClusterCapabilities capabilities;
    private static final DirectoryTree CHART = new DirectoryTree(Fixtures.resource("render/helm-platform"));
    private static final Environment PROD = Fixtures.kubernetes("prod", "environments/prod", "shop");

    @BeforeAll
    static void cluster() throws Exception {
        api = InProcessKubernetes.start();
        try (InputStream crd = HelmChartFidelityTest.class.getResourceAsStream("/kubernetes/servicemonitor-crd.yaml")) {
            api.client().apiextensions().v1().customResourceDefinitions()
                    .resource(api.client().getKubernetesSerialization().unmarshal(crd, CustomResourceDefinition.class))
                    .create();
        }
        try (KubernetesTarget target = new KubernetesTarget(api.newClient(), PROD)) {
            capabilities = target.capabilities();
        }
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void discoveryGivesTheServerVersionServedGroupVersionsKindsAndScope() {
        assertThat(capabilities.kubeVersion()).isEqualTo("v1.33.0-in-process");
        assertThat(capabilities.apiVersions()).contains("v1", "apps/v1", "apps/v1/Deployment", "batch/v1",
                "monitoring.coreos.com/v1", "monitoring.coreos.com/v1/ServiceMonitor")
                .doesNotContain("platform.example.com/v1");
        assertThat(capabilities.isNamespaced("apps", "Deployment")).contains(true);
        assertThat(capabilities.isNamespaced("", "Namespace")).contains(false);
        assertThat(capabilities.isNamespaced("monitoring.coreos.com", "ServiceMonitor")).contains(true);
    }

    @Test
    void chartSeesTheClustersVersionAndApiVersions() {
        List<Resource> objects = render(capabilities).resources();

        Map<?, ?> data = (Map<?, ?>) find(objects, "ConfigMap", "shop-capabilities").manifest().get("data");
        // major.minor.patch of the server's gitVersion, as Argo CD passes --kube-version
        assertThat(data.get("kubeVersion")).isEqualTo("v1.33.0");
        assertThat(data.get("monitoring")).isEqualTo("true");
        assertThat(data.get("deployments")).isEqualTo("true");
        assertThat(data.get("cronJobs")).isEqualTo("yes");
        assertThat(find(objects, "ServiceMonitor", "shop-web").apiVersion()).isEqualTo("monitoring.coreos.com/v1");
    }

    @Test
    void aClusterWithoutTheApiGetsNoServiceMonitor() {
        ClusterCapabilities withoutMonitoring = new ClusterCapabilities("v1.29.3-eks-4d8e1d3",
                capabilities.apiVersions().stream().filter(v -> !v.startsWith("monitoring.")).collect(
                        java.util.stream.Collectors.toSet()), capabilities.namespaced());

        List<Resource> objects = render(withoutMonitoring).resources();

        assertThat(objects).extracting(Resource::kind).doesNotContain("ServiceMonitor");
        Map<?, ?> data = (Map<?, ?>) find(objects, "ConfigMap", "shop-capabilities").manifest().get("data");
        assertThat(data.get("kubeVersion")).isEqualTo("v1.29.3");
        assertThat(data.get("monitoring")).isEqualTo("false");
    }

    @Test
    void offlineHelmKeepsItsBuiltInVersionSoAKubeVersionConstraintRefusesTheChart() {
        assertThatThrownBy(() -> render(ClusterCapabilities.offline())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("charts/platform: Helm could not render the chart")
                .hasMessageContaining("kubeVersion: >=1.23.0 which is incompatible with Kubernetes v1.20.0");
    }

    @Test
    void crdsOfTheChartAndItsEnabledSubchartsComeFirstAndAreKeptFromPrune() {
        List<Resource> objects = render(capabilities).resources();

        assertThat(objects.subList(0, 2)).extracting(Resource::name)
                .containsExactly("widgets.platform.example.com", "cacheclasses.cache.example.com");
        assertThat(objects.get(0).source()).isEqualTo("charts/platform/crds/widgets.yaml");
        assertThat(objects.get(1).source()).isEqualTo("charts/platform/charts/cache/crds/cacheclasses.yaml");
        assertThat(objects.get(0).annotations()).containsEntry(Labels.PRUNE, Labels.PRUNE_DISABLED);
        // the search subchart is disabled by its condition: neither its CRD nor its templates
        assertThat(objects).extracting(Resource::name).doesNotContain("indexes.search.example.com", "search-settings");
        assertThat(objects).filteredOn(r -> r.kind().equals("CustomResourceDefinition")).hasSize(2);

        List<Resource> pruneAllowed = Renderers.standard().render(CHART, PROD.withPruneCrds(true), Map.of(), "r1",
                capabilities).resources();
        assertThat(pruneAllowed.get(0).annotations()).doesNotContainKey(Labels.PRUNE);
    }

    @Test
    void vendoredSubchartsRenderFromFoldersAndArchives() {
        List<Resource> objects = render(capabilities).resources();

        assertThat(find(objects, "ConfigMap", "cache-settings").source())
                .isEqualTo("charts/platform/charts/cache/templates/configmap.yaml");
        assertThat(find(objects, "Service", "metrics").manifest().get("spec")).asString().contains("port=9090");
    }

    @Test
    void helmHooksAreKeptAsSyncHooksIncludingAnnotationsFromValuesAndGenerateName() {
        List<Resource> objects = render(capabilities).resources();

        Resource migrate = find(objects, "Job", "shop-migrate");
        assertThat(migrate.annotations()).containsEntry("helm.sh/hook", "pre-install,pre-upgrade")
                .containsEntry("helm.sh/hook-weight", "-5");
        Hook hook = Hook.of(migrate.annotations());
        assertThat(hook.phases()).containsExactly(Hook.Phase.PRE_SYNC);
        assertThat(hook.deletePolicies()).containsExactly(Hook.DeletePolicy.BEFORE_HOOK_CREATION);

        Resource notify = find(objects, "Job", "shop-notify-");
        assertThat(notify.manifest().get("metadata")).asString().contains("generateName=shop-notify-")
                .doesNotContain("name=shop-notify-,");
        assertThat(Hook.of(notify.annotations()).phases()).containsExactly(Hook.Phase.POST_SYNC);
        assertThat(Hook.of(notify.annotations()).deletePolicies()).containsExactly(Hook.DeletePolicy.HOOK_SUCCEEDED);
        assertThat(objects.toString()).doesNotContain(HelmHooks.PLACEHOLDER);
    }

    @Test
    void missingDependencyNamesTheChartAndSaysToVendorIt() {
        DirectoryTree tree = new DirectoryTree(Fixtures.resource("bad-input/helm-missing-dependency"));
        Environment x = Fixtures.kubernetes("x", "environments/x", "x");

        assertThatThrownBy(() -> Renderers.standard().render(tree, x, Map.of(), "r1", capabilities))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environments/x/Chart.yaml: dependency 'redis' version 17.3.1")
                .hasMessageContaining("run 'helm dependency build environments/x' and commit the charts/ folder");
    }

    private static DesiredState render(ClusterCapabilities caps) {
        return Renderers.standard().render(CHART, PROD, Map.of(), "r1", caps);
    }
}
