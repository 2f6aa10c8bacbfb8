package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.jenkins.plugins.gitops.testkit.ServerRules;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The in-process API refuses, stores and dry-runs writes as a real API server does (ServerRules). */
@Timeout(60)
class InProcessServerRulesTest {
    private InProcessKubernetes api;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        api = InProcessKubernetes.start();
        client = api.client();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static GenericKubernetesResource generic(Resource r) {
        return Serialization.jsonMapper().convertValue(r.manifest(), GenericKubernetesResource.class);
    }

    private static Resource fixture(String file, String kind) {
        return Fixtures.state(file).resources().stream().filter(r -> r.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static ResourceDefinitionContext context(String group, String version, String kind, String plural,
            boolean namespaced) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(namespaced).build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void emptyMapsListsAndNullsOfBuiltInKindsAreNotStoredButObjectsAndCustomResourcesAre() {
        var deployments = client.genericKubernetesResources(context("apps", "v1", "Deployment", "deployments", true))
                .inNamespace("default");
        Map<String, Object> stored = Serialization.jsonMapper().convertValue(
                deployments.resource(generic(fixture("empty-values/app.yaml", "Deployment"))).create(), Map.class);
        Map<String, Object> read = Serialization.jsonMapper().convertValue(
                deployments.withName("worker").get(), Map.class);

        for (Map<String, Object> object : List.of(stored, read)) {
            Map<String, Object> template = (Map<String, Object>) Manifests.get(object, "spec", "template");
            assertThat((Map<String, Object>) template.get("metadata")).doesNotContainKey("annotations");
            Map<String, Object> pod = (Map<String, Object>) template.get("spec");
            assertThat(pod).doesNotContainKeys("nodeSelector", "tolerations");
            Map<String, Object> container = (Map<String, Object>) ((List<?>) pod.get("containers")).get(0);
            assertThat(container).doesNotContainKeys("args", "env").containsKey("volumeMounts");
            assertThat(((List<?>) pod.get("volumes")).get(0)).isEqualTo(Map.of("name", "scratch", "emptyDir", Map.of()));
        }

        var crds = client.genericKubernetesResources(context("apiextensions.k8s.io", "v1", "CustomResourceDefinition",
                "customresourcedefinitions", false));
        crds.resource(generic(fixture("empty-values/app.yaml", "CustomResourceDefinition"))).create();
        assertThat(crds.withName("gadgets.example.com").get().getAdditionalProperties().toString())
                .doesNotContain("shortNames");
        var gadgets = client.genericKubernetesResources(context("example.com", "v1", "Gadget", "gadgets", true))
                .inNamespace("default");
        gadgets.resource(generic(fixture("empty-values/gadget.yaml", "Gadget"))).create();
        assertThat(Manifests.get(Serialization.jsonMapper().convertValue(gadgets.withName("spare").get(), Map.class),
                "spec", "parts")).isEqualTo(List.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void typeErrorsAreRefusedWithBadRequestAndMissingRequiredFieldsAsInvalid() {
        var deployments = client.genericKubernetesResources(context("apps", "v1", "Deployment", "deployments", true))
                .inNamespace("default");
        GenericKubernetesResource wrong = generic(fixture("schema/type-errors.yaml", "Deployment"));
        assertThatThrownBy(() -> deployments.resource(wrong).create()).isInstanceOf(KubernetesClientException.class)
                .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(400))
                .hasMessageContaining("Deployment in version \"v1\" cannot be handled as a Deployment: spec.replicas:"
                        + " expected integer (int32), got the string \"2\"");

        Map<String, Object> noName = fixture("schema/valid.yaml", "Deployment").mutableManifest();
        ((Map<String, Object>) ((List<?>) Manifests.get(noName, "spec", "template", "spec", "containers")).get(0))
                .remove("name");
        assertThatThrownBy(() -> deployments.resource(Serialization.jsonMapper().convertValue(noName,
                GenericKubernetesResource.class)).create()).isInstanceOf(KubernetesClientException.class)
                .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
                .hasMessageContaining("Deployment.apps \"api\" is invalid: spec.template.spec.containers[0].name:"
                        + " Required value");
        assertThat(deployments.list().getItems()).isEmpty();
    }

    @Test
    void annotationsOverTheApiServerLimitAreRefused() {
        String big = "x".repeat(ServerRules.MAX_ANNOTATIONS_BYTES - "example.com/blob".length() + 1);
        ConfigMap tooBig = new ConfigMapBuilder().withNewMetadata().withName("big").addToAnnotations("example.com/blob",
                big).endMetadata().build();
        assertThatThrownBy(() -> client.configMaps().inNamespace("default").resource(tooBig).create())
                .isInstanceOf(KubernetesClientException.class)
                .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
                .hasMessageContaining("ConfigMap \"big\" is invalid: metadata.annotations: Too long: must have at most"
                        + " 262144 bytes");

        ConfigMap atTheLimit = new ConfigMapBuilder().withNewMetadata().withName("big").addToAnnotations(
                "example.com/blob", big.substring(1)).endMetadata().build();
        assertThat(client.configMaps().inNamespace("default").resource(atTheLimit).create()).isNotNull();
    }

    @Test
    void dryRunAnswersLikeAWriteWithoutStoring() {
        var configMaps = client.configMaps().inNamespace("default");
        ConfigMap settings = new ConfigMapBuilder().withNewMetadata().withName("settings").endMetadata()
                .addToData("LOG_LEVEL", "info").build();
        api.resetRequestCounts();

        ConfigMap answered = configMaps.resource(settings).dryRun().create();

        assertThat(answered.getMetadata().getUid()).isNotEmpty();
        assertThat(answered.getData()).containsEntry("LOG_LEVEL", "info");
        assertThat(configMaps.withName("settings").get()).isNull();
        assertThat(api.requestCounts()).containsEntry("DRY_RUN_POST", 1L).doesNotContainKey("POST");

        configMaps.resource(settings).create();
        ConfigMap patched = configMaps.withName("settings").dryRun().patch(PatchContext.of(PatchType.JSON),
                "[{\"op\":\"replace\",\"path\":\"/data/LOG_LEVEL\",\"value\":\"debug\"}]");
        assertThat(patched.getData()).containsEntry("LOG_LEVEL", "debug");
        assertThat(configMaps.withName("settings").get().getData()).containsEntry("LOG_LEVEL", "info");

        configMaps.withName("settings").dryRun().delete();
        assertThat(configMaps.withName("settings").get()).isNotNull();
        assertThat(api.requestCounts()).containsEntry("DRY_RUN_PATCH", 1L).containsEntry("DRY_RUN_DELETE", 1L)
                .containsEntry("POST", 1L).doesNotContainKeys("PATCH", "DELETE");

        Map<String, Object> bad = Map.of("apiVersion", "v1", "kind", "Secret", "metadata", Map.of("name", "smtp"),
                "data", Map.of("password", "not base64!"));
        assertThatThrownBy(() -> client.resource(Serialization.jsonMapper().convertValue(bad,
                GenericKubernetesResource.class)).inNamespace("default").dryRun().create())
                .isInstanceOf(KubernetesClientException.class).hasMessageContaining("data[password]: is not valid base64");
    }
}
