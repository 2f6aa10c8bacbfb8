package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.jenkins.plugins.gitops.engine.cluster.TargetException;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class KubernetesTargetWriteTest {
    private static final ResourceKey WEB = new ResourceKey("apps", "Deployment", "docs-dev", "web");
    private static final ResourceKey SETTINGS = new ResourceKey("", "ConfigMap", "docs-dev", "settings");
    private static final ResourceKey NAMESPACE = new ResourceKey("", "Namespace", "", "docs-dev");

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

    /** What the sync executor does, reduced: create absent, update present, in apply order. */
    private DesiredState sync(DesiredState rendered) {
        DesiredState prepared = target.prepare(rendered);
        target.validate(prepared);
        Map<ResourceKey, Resource> live = target.live(prepared);
        List<Resource> applied = new ArrayList<>();
        prepared.resources().stream().sorted(Comparator.comparingInt(r -> target.applyRank(r.key()))).forEach(r ->
                applied.add(live.containsKey(r.key()) ? target.update(r, live.get(r.key())) : target.create(r)));
        target.afterSync(prepared, applied);
        return prepared;
    }

    @Test
    void createsEverythingAndListsItBackWithOneListPerKind() {
        DesiredState prepared = sync(Fixtures.state("app/web.yaml", "app/settings.yaml", "cluster/rbac-and-storage.yaml",
                "external-secrets/crds.yaml", "external-secrets/secrets.yaml", "kyverno/crd.yaml",
                "kyverno/require-labels.yaml"));
        long kinds = prepared.resources().stream().map(r -> r.key().group() + "/" + r.kind()).distinct().count();
        api.resetRequestCounts();

        Map<ResourceKey, Resource> live = target.live(prepared);

        assertThat(live.keySet()).containsExactlyInAnyOrderElementsOf(Resource.keys(prepared.resources()));
        assertThat(api.requestCounts()).containsEntry("LIST", kinds).containsEntry("GET", 1L) // the inventory
                .doesNotContainKeys("POST", "PUT", "PATCH", "DELETE", "DISCOVERY");
        assertThat(live.get(new ResourceKey("external-secrets.io", "ExternalSecret", "docs-dev", "docs-platform-secrets"))
                .manifest()).extracting(m -> Manifests.string(m, "spec", "secretStoreRef", "name")).isEqualTo("vault");
        assertThat(live.get(new ResourceKey("kyverno.io", "ClusterPolicy", "", "require-team-label")).apiVersion())
                .isEqualTo("kyverno.io/v1");
        // live manifests are kept whole, server-set fields included
        assertThat(Manifests.get(live.get(WEB).manifest(), "metadata", "uid")).isNotNull();
        assertThat(Manifests.get(live.get(WEB).manifest(), "metadata", "generation")).isNotNull();
    }

    @Test
    void liveIgnoresObjectsOfOtherEnvironmentsAndUnmanagedOnes() {
        sync(Fixtures.state("app/settings.yaml"));
        api.client().configMaps().inNamespace("docs-dev").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("hand-made").endMetadata().build()).create();
        try (KubernetesTarget staging = new KubernetesTarget(api.newClient(), io.jenkins.plugins.gitops.engine.model.Environment
                .of("staging", "environments/staging", io.jenkins.plugins.gitops.engine.model.TargetSpec.kubernetes("docs-dev")))) {
            DesiredState stagingState = staging.prepare(Fixtures.state("app/settings.yaml"));
            assertThat(staging.live(stagingState)).doesNotContainKey(SETTINGS);
        }

        assertThat(target.live(target.prepare(Fixtures.state("app/settings.yaml"))).keySet())
                .containsExactlyInAnyOrder(NAMESPACE, SETTINGS);
    }

    @Test
    void updateRemovesFieldsDroppedFromGitAndKeepsFieldsSetByOthers() {
        sync(Fixtures.state("app/web.yaml"));
        api.client().apps().deployments().inNamespace("docs-dev").withName("web")
                .edit(d -> { d.getMetadata().getAnnotations().put("team.example.com/owner", "docs"); return d; });

        sync(Fixtures.state("app/web-tier-dropped.yaml"));

        Map<String, Object> live = target.get(WEB).orElseThrow().manifest();
        assertThat(Manifests.get(live, "metadata", "labels")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).doesNotContainKey("tier").containsKey("app");
        assertThat(Manifests.get(live, "metadata", "annotations")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("team.example.com/owner", "docs");
        assertThat(Manifests.get(live, "spec", "replicas")).isEqualTo(3);
        List<?> containers = (List<?>) Manifests.get(live, "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(1);
        Map<?, ?> web = (Map<?, ?>) containers.get(0);
        assertThat(web.get("image")).isEqualTo("nginx:1.28");
        assertThat((List<?>) web.get("env")).hasSize(1);
    }

    @Test
    void updateOfAnUnchangedObjectWritesNothing() {
        DesiredState prepared = sync(Fixtures.state("app/web.yaml"));
        Resource desired = prepared.resources().stream().filter(r -> r.key().equals(WEB)).findFirst().orElseThrow();
        Resource live = target.get(WEB).orElseThrow();
        api.resetRequestCounts();

        assertThat(target.update(desired, live)).isSameAs(live);
        assertThat(api.requestCounts()).isEmpty();
    }

    @Test
    void createOfAnExistingObjectPatchesItInstead() {
        DesiredState prepared = target.prepare(Fixtures.state("app/settings.yaml"));
        Resource settings = prepared.resources().stream().filter(r -> r.key().equals(SETTINGS)).findFirst().orElseThrow();
        api.client().configMaps().inNamespace("docs-dev").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("settings").endMetadata().addToData("LOG_LEVEL", "debug").build()).create();

        Resource created = target.create(settings);

        assertThat(Manifests.get(created.manifest(), "data", "LOG_LEVEL")).isEqualTo("info");
        assertThat(created.labels()).containsEntry("gitops.jenkins.io/environment", "dev");
        assertThat(api.requestCounts()).containsEntry("PATCH", 1L);
    }

    @Test
    void deleteRemovesObjectsButNeverTheNamespaceTheTargetCreated() {
        DesiredState prepared = sync(Fixtures.state("app/settings.yaml"));
        Map<ResourceKey, Resource> live = target.live(prepared);

        target.delete(live.get(SETTINGS));
        target.delete(live.get(NAMESPACE));

        assertThat(target.get(SETTINGS)).isEmpty();
        assertThat(target.get(NAMESPACE)).isPresent();
    }

    @Test
    void inventoryIsWrittenOnlyWhenTheKindsChangeAndLetsPruneFindRemovedKinds() {
        sync(Fixtures.state("app/web.yaml", "app/settings.yaml"));
        ConfigMap inventory = api.client().configMaps().inNamespace("docs-dev").withName("gitops-inventory-dev").get();
        assertThat(inventory.getData().get("kinds").split("\n"))
                .containsExactly("apps/v1 Deployment", "v1 ConfigMap", "v1 Namespace", "v1 Service");
        assertThat(inventory.getMetadata().getLabels()).doesNotContainKey("gitops.jenkins.io/environment");

        api.resetRequestCounts();
        sync(Fixtures.state("app/web.yaml", "app/settings.yaml")); // a no-op sync
        assertThat(api.requestCounts()).doesNotContainKeys("POST", "PUT", "PATCH", "DELETE");

        // ConfigMap kind removed from Git: live still finds the old ConfigMap so prune can delete it
        DesiredState withoutConfig = target.prepare(Fixtures.state("app/web.yaml"));
        Map<ResourceKey, Resource> live = target.live(withoutConfig);
        assertThat(live).containsKey(SETTINGS);
        target.delete(live.get(SETTINGS));
        target.afterSync(withoutConfig, withoutConfig.resources());
        assertThat(api.client().configMaps().inNamespace("docs-dev").withName("gitops-inventory-dev").get().getData()
                .get("kinds")).doesNotContain("ConfigMap");
    }

    @Test
    void inventoryKeepsKindsOfObjectsLeftInPlace() {
        sync(Fixtures.state("app/web.yaml", "app/settings.yaml"));
        DesiredState withoutConfig = target.prepare(Fixtures.state("app/web.yaml"));
        target.live(withoutConfig); // prune off: the ConfigMap is not deleted
        target.afterSync(withoutConfig, withoutConfig.resources());

        assertThat(target.live(withoutConfig)).containsKey(SETTINGS);
    }

    @Test
    void secretValuesNeverReachTheManagedFieldsAnnotationNorErrors() {
        DesiredState prepared = sync(Fixtures.state("app/db-credentials.yaml"));
        ResourceKey key = new ResourceKey("", "Secret", "docs-dev", "db-credentials");
        Resource live = target.get(key).orElseThrow();
        String managed = live.annotations().get(ManagedFields.ANNOTATION);
        assertThat(managed).contains("\"data\":{").doesNotContain("s3cr3t-Pa55word-do-not-leak")
                .doesNotContain("dG9rZW4tdmFsdWUtZG8tbm90LWxlYWs=").doesNotContain("token-value-do-not-leak");

        // someone changes the Secret meanwhile: our patch carries the old resourceVersion and gets 409
        api.client().secrets().inNamespace("docs-dev").withName("db-credentials")
                .edit(s -> { s.getMetadata().getLabels().put("rotated", "yes"); return s; });
        Map<String, Object> changed = prepared.resources().get(1).mutableManifest();
        // prepare() folded stringData into base64 data, as the API server does
        ((Map<String, Object>) changed.get("data")).put("password", java.util.Base64.getEncoder()
                .encodeToString("n3w-s3cr3t-do-not-leak".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Resource desired = prepared.resources().get(1).withManifest(changed);

        assertThatThrownBy(() -> target.update(desired, live)).isInstanceOf(TargetException.class)
                .satisfies(e -> {
                    assertThat(((TargetException) e).retryable()).isTrue();
                    assertThat(e.getCause()).isNull();
                    assertThat(e.getMessage()).contains("update Secret/docs-dev/db-credentials failed: HTTP 409")
                            .doesNotContain("n3w-s3cr3t-do-not-leak").doesNotContain("s3cr3t-Pa55word-do-not-leak")
                            .doesNotContain(java.util.Base64.getEncoder().encodeToString(
                                    "n3w-s3cr3t-do-not-leak".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                });
    }

    @Test
    void errorsNameTheObjectAndTheApiMessage() {
        DesiredState prepared = target.prepare(Fixtures.state("app/settings.yaml"));
        Resource settings = prepared.resources().stream().filter(r -> r.key().equals(SETTINGS)).findFirst().orElseThrow();
        Map<String, Object> wrong = settings.mutableManifest();
        Manifests.ensureMap(wrong, "metadata").put("resourceVersion", "999");
        Resource stale = Resource.ofManifest(wrong, "");
        target.create(settings);

        assertThatThrownBy(() -> target.update(settings, stale)).isInstanceOf(TargetException.class)
                .hasMessageContaining("update ConfigMap/docs-dev/settings failed: HTTP 409")
                .hasMessageContaining("the object has been modified");
    }

    @Test
    void secretValuesCollectedForRedactionIncludeDecodedData() {
        Resource secret = Fixtures.state("app/db-credentials.yaml").resources().get(0);
        Set<String> values = ApiErrors.secretValues(secret.manifest());
        assertThat(values).contains("s3cr3t-Pa55word-do-not-leak", "dG9rZW4tdmFsdWUtZG8tbm90LWxlYWs=",
                "token-value-do-not-leak");
        assertThat(ApiErrors.redact("Secret is invalid: data[token]: token-value-do-not-leak", values))
                .isEqualTo("Secret is invalid: data[token]: <redacted>");
        assertThat(values.stream().collect(Collectors.joining())).isNotEmpty();
    }
}
