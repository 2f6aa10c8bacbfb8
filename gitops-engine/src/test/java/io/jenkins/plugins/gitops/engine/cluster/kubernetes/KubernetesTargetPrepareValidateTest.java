package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.net.ServerSocket;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class KubernetesTargetPrepareValidateTest {
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

    @Test
    void prepareLabelsEveryObjectAndNamespacesOnlyNamespacedOnes() {
        DesiredState prepared = target.prepare(Fixtures.state("app/web.yaml", "app/settings.yaml",
                "cluster/rbac-and-storage.yaml", "kyverno/crd.yaml", "kyverno/require-labels.yaml"));
        Map<String, Resource> byKind = prepared.resources().stream()
                .collect(Collectors.toMap(r -> r.kind() + "/" + r.name(), Function.identity()));

        assertThat(prepared.resources()).allSatisfy(r -> assertThat(r.labels())
                .containsEntry(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE).containsEntry(Labels.ENVIRONMENT, "dev"));
        assertThat(byKind.get("Deployment/web").namespace()).isEqualTo("docs-dev");
        assertThat(byKind.get("Service/web").namespace()).isEqualTo("docs-dev");
        assertThat(byKind.get("ConfigMap/settings").namespace()).isEqualTo("docs-dev");
        for (String clusterScoped : new String[] {"ClusterRole/docs-reader", "StorageClass/docs-fast",
                "PriorityClass/docs-high", "CustomResourceDefinition/clusterpolicies.kyverno.io",
                "ClusterPolicy/require-team-label", "Namespace/docs-dev"}) {
            assertThat(byKind.get(clusterScoped).namespace()).as(clusterScoped).isEmpty();
            assertThat(byKind.get(clusterScoped).manifest()).extracting(m -> ((Map<?, ?>) m.get("metadata")).get("namespace"))
                    .as(clusterScoped).isNull();
        }
        assertThat(byKind.get("Deployment/web").labels()).containsEntry("tier", "frontend");
        assertThat(byKind.get("Deployment/web").source()).isEqualTo("environments/dev/web.yaml");
    }

    @Test
    void prepareAddsTheEnvironmentNamespaceFirstUnlessGitHasItOrCreationIsOff() {
        DesiredState prepared = target.prepare(Fixtures.state("app/settings.yaml"));
        Resource first = prepared.resources().get(0);
        assertThat(first.key()).isEqualTo(new ResourceKey("", "Namespace", "", "docs-dev"));
        assertThat(first.labels()).containsEntry(Labels.ENVIRONMENT, "dev");
        assertThat(first.annotations()).containsEntry(KubernetesTarget.IMPLICIT_NAMESPACE, "true");

        try (KubernetesTarget noCreation = new KubernetesTarget(api.newClient(),
                Fixtures.environmentWithoutNamespaceCreation())) {
            assertThat(noCreation.prepare(Fixtures.state("app/settings.yaml")).resources())
                    .extracting(Resource::kind).containsExactly("ConfigMap");
        }
    }

    @Test
    void prepareFallsBackToTheBuiltInTableOnlyWhenDiscoveryIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl("http://127.0.0.1:" + closedPort)
                .withRequestRetryBackoffLimit(0).withConnectionTimeout(2000).build();
        try (KubernetesTarget offline = new KubernetesTarget(new KubernetesClientBuilder().withConfig(config).build(),
                Fixtures.environment())) {
            DesiredState prepared = offline.prepare(Fixtures.state("app/web.yaml", "cluster/rbac-and-storage.yaml",
                    "kyverno/require-labels.yaml"));
            Map<String, String> namespaces = prepared.resources().stream()
                    .collect(Collectors.toMap(r -> r.kind() + "/" + r.name(), Resource::namespace));

            assertThat(namespaces).containsEntry("Deployment/web", "docs-dev").containsEntry("ClusterRole/docs-reader", "")
                    .containsEntry("StorageClass/docs-fast", "").containsEntry("PriorityClass/docs-high", "")
                    .containsEntry("ClusterPolicy/require-team-label", "");
        }
    }

    @Test
    void validateRejectsKindsNobodyServesBeforeAnyWrite() {
        DesiredState prepared = target.prepare(Fixtures.state("app/settings.yaml", "external-secrets/secrets.yaml"));
        api.resetRequestCounts();

        assertThatThrownBy(() -> target.validate(prepared)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsExactlyInAnyOrder(
                        "environments/dev/secrets.yaml: SecretStore 'vault' (external-secrets.io/v1beta1): the cluster"
                                + " does not serve this kind and no CustomResourceDefinition in this sync defines it;"
                                + " install the CRD first or add it to the repository",
                        "environments/dev/secrets.yaml: ExternalSecret 'docs-platform-secrets'"
                                + " (external-secrets.io/v1beta1): the cluster does not serve this kind and no"
                                + " CustomResourceDefinition in this sync defines it; install the CRD first or add it"
                                + " to the repository"));
        assertThat(api.requestCounts()).doesNotContainKeys("POST", "PUT", "PATCH", "DELETE");
        assertThat(api.client().configMaps().inNamespace("docs-dev").list().getItems()).isEmpty();
    }

    @Test
    void validateAcceptsCustomResourcesWhoseCrdIsInTheSameSync() {
        DesiredState prepared = target.prepare(Fixtures.state("external-secrets/crds.yaml",
                "external-secrets/secrets.yaml", "kyverno/crd.yaml", "kyverno/require-labels.yaml"));

        target.validate(prepared);

        assertThat(prepared.resources()).filteredOn(r -> r.kind().equals("ExternalSecret")).singleElement()
                .extracting(Resource::namespace).isEqualTo("docs-dev");
    }

    @Test
    void validateRejectsANamespaceOnAClusterScopedObject() {
        DesiredState prepared = target.prepare(Fixtures.state("cluster/namespaced-clusterrole.yaml"));

        assertThatThrownBy(() -> target.validate(prepared)).isInstanceOf(InvalidInputException.class)
                .hasMessage("environments/dev/namespaced-clusterrole.yaml: ClusterRole 'docs-writer' is cluster-scoped"
                        + " but sets metadata.namespace 'docs-dev'; remove metadata.namespace");
    }

    @Test
    void applyRankOrdersNamespacesCrdsRbacConfigCustomServicesWorkloadsIngress() {
        assertThat(rank("", "Namespace")).isLessThan(rank("apiextensions.k8s.io", "CustomResourceDefinition"));
        assertThat(rank("apiextensions.k8s.io", "CustomResourceDefinition")).isLessThan(rank("", "ServiceAccount"));
        assertThat(rank("rbac.authorization.k8s.io", "ClusterRoleBinding")).isLessThan(rank("", "Secret"));
        assertThat(rank("", "Secret")).isLessThan(rank("external-secrets.io", "ExternalSecret"));
        assertThat(rank("external-secrets.io", "ExternalSecret")).isLessThan(rank("", "Service"));
        assertThat(rank("", "Service")).isLessThan(rank("apps", "Deployment"));
        assertThat(rank("apps", "Deployment")).isLessThan(rank("autoscaling", "HorizontalPodAutoscaler"));
        assertThat(rank("policy", "PodDisruptionBudget")).isLessThan(rank("networking.k8s.io", "Ingress"));
        assertThat(rank("example.com", "Unknown")).isEqualTo(rank("external-secrets.io", "SecretStore"));
    }

    private int rank(String group, String kind) {
        return target.applyRank(new ResourceKey(group, kind, "", "x"));
    }
}
