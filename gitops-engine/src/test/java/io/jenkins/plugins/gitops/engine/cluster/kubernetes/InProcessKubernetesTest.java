package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class InProcessKubernetesTest {
    private InProcessKubernetes api;

    @BeforeEach
    void start() {
        api = InProcessKubernetes.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** The finding that made InProcessKubernetes necessary: plain CRUD mode serves no built-in discovery. */
    @Test
    void plainCrudMockServesNoDiscoveryForBuiltInKinds() {
        KubernetesMockServer plain = new KubernetesMockServer(new Context(Serialization.jsonMapper()),
                new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        plain.start();
        try (KubernetesClient client = plain.createClient()) {
            var apps = client.getApiResources("apps/v1");
            assertThat(apps == null ? List.<APIResource>of() : apps.getResources()).isEmpty();
        } finally {
            plain.shutdown();
        }
    }

    @Test
    void servesDiscoveryForBuiltInGroups() {
        KubernetesClient client = api.client();

        assertThat(client.getApiResources("apps/v1").getResources())
                .anySatisfy(r -> {
                    assertThat(r.getKind()).isEqualTo("Deployment");
                    assertThat(r.getName()).isEqualTo("deployments");
                    assertThat(r.getNamespaced()).isTrue();
                });
        assertThat(client.getApiResources("v1").getResources())
                .anySatisfy(r -> {
                    assertThat(r.getKind()).isEqualTo("Namespace");
                    assertThat(r.getNamespaced()).isFalse();
                });
        assertThat(client.getApiGroups().getGroups()).extracting(APIGroup::getName)
                .contains("apps", "batch", "rbac.authorization.k8s.io", "apiextensions.k8s.io");
        assertThat(client.getApiGroup("apps").getPreferredVersion().getGroupVersion()).isEqualTo("apps/v1");
        assertThat(client.getApiResources("external-secrets.io/v1beta1")).isNull();
    }

    @Test
    void servesDiscoveryForStoredCrdsEvenWhenObjectsOfThemExist() {
        KubernetesClient client = api.client();
        Fixtures.state("kyverno/crd.yaml").resources().forEach(crd -> client.resource(
                Serialization.jsonMapper().convertValue(crd.manifest(),
                        io.fabric8.kubernetes.api.model.GenericKubernetesResource.class)).create());
        assertThat(client.getApiResources("kyverno.io/v1").getResources())
                .anySatisfy(r -> {
                    assertThat(r.getKind()).isEqualTo("ClusterPolicy");
                    assertThat(r.getNamespaced()).isFalse();
                });
        Fixtures.state("kyverno/require-labels.yaml").resources().forEach(policy -> client.resource(
                Serialization.jsonMapper().convertValue(policy.manifest(),
                        io.fabric8.kubernetes.api.model.GenericKubernetesResource.class)).create());

        assertThat(client.getApiResources("kyverno.io/v1").getResources()).extracting(APIResource::getKind)
                .contains("ClusterPolicy");
        assertThat(client.getApiGroups().getGroups()).extracting(APIGroup::getName).contains("kyverno.io");
    }

    @Test
    void countsRequestsByVerb() {
        KubernetesClient client = api.client();
        api.resetRequestCounts();

        client.configMaps().inNamespace("docs-dev").resource(new ConfigMapBuilder().withNewMetadata().withName("a")
                .endMetadata().addToData("k", "v").build()).create();
        client.configMaps().inNamespace("docs-dev").withName("a").get();
        client.configMaps().inNamespace("docs-dev").list();
        client.configMaps().inNamespace("docs-dev").withName("a").delete();

        assertThat(api.requestCounts()).containsEntry("POST", 1L).containsEntry("GET", 1L)
                .containsEntry("LIST", 1L).containsEntry("DELETE", 1L).doesNotContainKey("PATCH");
    }
}
