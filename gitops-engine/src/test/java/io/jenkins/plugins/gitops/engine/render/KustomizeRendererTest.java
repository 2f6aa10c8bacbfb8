package io.jenkins.plugins.gitops.engine.render;

import static io.jenkins.plugins.gitops.engine.render.Fixtures.container;
import static io.jenkins.plugins.gitops.engine.render.Fixtures.find;
import static io.jenkins.plugins.gitops.engine.render.Fixtures.findPrefix;
import static io.jenkins.plugins.gitops.engine.render.Fixtures.list;
import static io.jenkins.plugins.gitops.engine.render.Fixtures.map;
import static io.jenkins.plugins.gitops.engine.render.Fixtures.podSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The docs-platform base with development, staging and production overlays (render/docs-platform). */
@Timeout(60)
class KustomizeRendererTest {

    private static List<Resource> render(String environment, String namespace) {
        DesiredState state = Renderers.standard().render(Fixtures.docsPlatform(),
                Fixtures.kubernetes(environment, "environments/" + environment, namespace), Map.of(), "rev1");
        assertThat(state.environment()).isEqualTo(environment);
        assertThat(state.revision()).isEqualTo("rev1");
        return state.resources();
    }

    @Test
    void developmentOverlayPrefixesNamesAndKeepsReferencesPointingAtThem() {
        List<Resource> objects = render("development", "docs-dev");

        assertThat(objects).extracting(Resource::name).contains("dev-docs-platform", "dev-docs-platform-service",
                "dev-docs-platform-ingress", "dev-docs-platform-config", "dev-docs-platform-secrets");
        assertThat(objects).allSatisfy(r -> assertThat(r.namespace()).isEqualTo("docs-dev"));
        Resource deployment = find(objects, "Deployment", "dev-docs-platform");
        assertThat(deployment.source()).isEqualTo("base/deployment.yaml");
        assertThat(podSpec(deployment)).containsEntry("serviceAccountName", "dev-docs-platform");
        assertThat(list(deployment, "spec", "template", "spec", "volumes").get(0))
                .isEqualTo(Map.of("name", "content", "configMap", Map.of("name", "dev-docs-platform-config")));
        Resource ingress = find(objects, "Ingress", "dev-docs-platform-ingress");
        assertThat(Manifests.get(ingress.manifest(), "spec", "rules")).asString()
                .contains("name=dev-docs-platform-service");
        // Not renamed: no Secret of that name is part of the kustomization (the ExternalSecret makes it).
        assertThat(list(ingress, "spec", "tls").get(0)).containsEntry("secretName", "docs-platform-tls");
        assertThat(find(objects, "ExternalSecret", "dev-docs-platform-secrets").manifest()).extracting("spec")
                .asString().contains("target={name=docs-platform-secrets}");
    }

    @Test
    void commonLabelsReachSelectorsAndPodTemplatesAndAnnotationsReachTemplates() {
        List<Resource> objects = render("development", "docs-dev");
        Resource deployment = find(objects, "Deployment", "dev-docs-platform");
        Map<String, String> expected = Map.of("app", "docs-platform", "app.kubernetes.io/name", "docs-platform",
                "environment", "development");

        assertThat(deployment.labels()).containsAllEntriesOf(expected);
        assertThat(map(deployment, "spec", "selector", "matchLabels")).isEqualTo(expected);
        assertThat(map(deployment, "spec", "template", "metadata", "labels")).isEqualTo(expected);
        assertThat(map(find(objects, "Service", "dev-docs-platform-service"), "spec", "selector")).isEqualTo(expected);
        assertThat(deployment.annotations()).containsEntry("owner", "docs-team");
        assertThat(map(deployment, "spec", "template", "metadata", "annotations")).containsEntry("owner", "docs-team");
    }

    @Test
    void developmentPatchMergesEnvByNameAndGeneratedConfigMapGetsHashedNameAndReferences() {
        List<Resource> objects = render("development", "docs-dev");
        Resource deployment = find(objects, "Deployment", "dev-docs-platform");
        Map<String, Object> app = container(deployment, "docs-platform");

        assertThat(app.get("image")).isEqualTo("registry.example.com/docs-platform:1.4.0-rc.2");
        assertThat(list(deployment, "spec", "template", "spec", "initContainers").get(0))
                .containsEntry("image", "registry.example.com/docs-platform:1.4.0-rc.2");
        assertThat(app.get("env")).asString().contains("{name=NODE_ENV, value=development}",
                "{name=LOG_LEVEL, value=debug}", "name=DATABASE_URL",
                "secretKeyRef={name=docs-platform-secrets, key=database-url}");
        Resource flags = findPrefix(objects, "ConfigMap", "dev-docs-platform-flags-");
        assertThat(flags.name()).matches("dev-docs-platform-flags-[a-z0-9]{10}");
        assertThat(flags.source()).isEqualTo("environments/development/kustomization.yaml");
        assertThat(map(flags, "data")).isEqualTo(Map.of("FEATURE_PREVIEW", "true", "FEATURE_COMMENTS", "false"));
        assertThat(app.get("envFrom")).isEqualTo(List.of(Map.of("configMapRef", Map.of("name", "dev-docs-platform-config")),
                Map.of("configMapRef", Map.of("name", flags.name()))));
    }

    @Test
    void stagingOverlayAddsSuffixRenamesImageAndPatchesReplicasAndIngressHost() {
        List<Resource> objects = render("staging", "docs-staging");

        Resource deployment = find(objects, "Deployment", "docs-platform-staging");
        assertThat(deployment.namespace()).isEqualTo("docs-staging");
        assertThat(Manifests.get(deployment.manifest(), "spec", "replicas")).isEqualTo(2);
        assertThat(container(deployment, "docs-platform").get("image"))
                .isEqualTo("registry.example.com/docs/platform:1.3.2");
        Resource ingress = find(objects, "Ingress", "docs-platform-ingress-staging");
        assertThat(list(ingress, "spec", "rules").get(0)).containsEntry("host", "docs.staging.example.com");
        assertThat(list(ingress, "spec", "tls").get(0).get("hosts")).isEqualTo(List.of("docs.staging.example.com"));
        assertThat(Manifests.get(deployment.manifest(), "spec", "template", "spec", "serviceAccountName"))
                .isEqualTo("docs-platform-staging");
    }

    @Test
    void productionOverlayAppliesDigestReplicasJsonPatchesDeletesAndSecretGenerator() {
        List<Resource> objects = render("production", "docs-prod");
        Resource deployment = find(objects, "Deployment", "docs-platform");
        Map<String, Object> app = container(deployment, "docs-platform");

        assertThat(Manifests.get(deployment.manifest(), "spec", "replicas")).isEqualTo(4);
        assertThat(app.get("image")).isEqualTo("registry.example.com/docs-platform@sha256:"
                + "4f8d2c1b6e0a9f7d3c5b1a2e4f6d8c0b9a7e5d3c1b2a4f6e8d0c9b7a5e3d1c2b");
        assertThat(Manifests.get(app, "resources", "limits", "memory")).isEqualTo("1Gi");
        assertThat(podSpec(deployment)).doesNotContainKey("initContainers");
        assertThat(app.get("env")).asString().contains("NODE_ENV").doesNotContain("LOG_LEVEL");

        Resource secret = findPrefix(objects, "Secret", "docs-platform-basic-auth-");
        assertThat(secret.manifest()).containsEntry("type", "kubernetes.io/basic-auth");
        assertThat(new String(Base64.getDecoder().decode((String) map(secret, "data").get("username")),
                StandardCharsets.UTF_8)).isEqualTo("docs-admin");
        assertThat(list(deployment, "spec", "template", "spec", "volumes")).contains(
                Map.of("name", "basic-auth", "secret", Map.of("secretName", secret.name())));
        assertThat(list(deployment, "spec", "template", "spec", "containers").get(0).get("volumeMounts")).asString()
                .contains("mountPath=/etc/basic-auth", "mountPath=/srv/content");
    }

    @Test
    void productionLabelsWithoutSelectorsLeaveSelectorsAloneAndPatchCanDeleteAnnotations() {
        List<Resource> objects = render("production", "docs-prod");
        Resource deployment = find(objects, "Deployment", "docs-platform");

        assertThat(deployment.labels()).containsEntry("environment", "production");
        assertThat(map(deployment, "spec", "selector", "matchLabels")).doesNotContainKey("environment");
        Resource pdb = find(objects, "PodDisruptionBudget", "docs-platform");
        assertThat(pdb.source()).isEqualTo("environments/production/pdb.yaml");
        assertThat(map(pdb, "spec", "selector", "matchLabels")).isEqualTo(Map.of("app", "docs-platform"));
        Resource ingress = find(objects, "Ingress", "docs-platform-ingress");
        assertThat(ingress.annotations()).containsEntry("nginx.ingress.kubernetes.io/rate-limit", "500")
                .containsEntry("kubernetes.io/ingress.class", "nginx")
                .doesNotContainKey("cert-manager.io/cluster-issuer");
    }

    @Test
    void renderingIsDeterministic() {
        assertThat(render("production", "docs-prod")).isEqualTo(render("production", "docs-prod"));
    }
}
