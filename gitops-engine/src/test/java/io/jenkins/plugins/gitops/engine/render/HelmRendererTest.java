package io.jenkins.plugins.gitops.engine.render;

import static io.jenkins.plugins.gitops.engine.render.Fixtures.container;
import static io.jenkins.plugins.gitops.engine.render.Fixtures.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Helm charts through helm-java's native Helm: a shared chart via helm.yaml, and a chart in place. */
@Timeout(120)
class HelmRendererTest {

    @Test
    void helmYamlRendersSharedChartWithEnvironmentValuesReleaseAndNamespace() {
        DesiredState state = Renderers.standard().render(Fixtures.docsPlatform(),
                Fixtures.kubernetes("helm-staging", "environments/helm-staging", "docs-staging"), Map.of(), "rev2");
        List<Resource> objects = state.resources();

        assertThat(objects).extracting(Resource::kind).containsExactlyInAnyOrder("Service", "Ingress", "Deployment");
        Resource deployment = find(objects, "Deployment", "docs-docs-platform");
        assertThat(deployment.source()).isEqualTo("charts/docs-platform/templates/deployment.yaml");
        assertThat(Manifests.get(deployment.manifest(), "spec", "replicas")).isEqualTo(3);
        assertThat(container(deployment, "docs-platform").get("image"))
                .isEqualTo("registry.example.com/docs-platform:1.5.0-beta.1");
        assertThat(container(deployment, "docs-platform").get("env")).asString().contains("value=staging");
        assertThat(Manifests.get(deployment.manifest(), "spec", "template", "spec", "containers")).asString()
                .contains("limits={cpu=500m, memory=512Mi}");
        assertThat(find(objects, "Service", "docs-docs-platform").namespace()).isEqualTo("docs-staging");
        assertThat(find(objects, "Ingress", "docs-docs-platform").manifest().get("spec")).asString()
                .contains("host=docs.staging.example.com");
        // The chart's test pod is a Helm test hook: left out, with a note.
        assertThat(objects).extracting(Resource::name).doesNotContain("docs-docs-platform-test");
        assertThat(state.warnings()).containsExactly("charts/docs-platform/templates/tests/test-connection.yaml:"
                + " Pod 'docs-docs-platform-test': helm.sh/hook: test: Helm test hooks are not run by a sync; skipped");
    }

    @Test
    void chartInPlaceUsesValuesAndValuesForTheEnvironmentAndEnvironmentNameAsRelease() {
        List<Resource> objects = Renderers.standard().render(Fixtures.docsPlatform(),
                Fixtures.kubernetes("preview", "environments/preview", "docs-preview"), Map.of(), "rev3").resources();

        Resource settings = find(objects, "ConfigMap", "preview-settings");
        assertThat(settings.source()).isEqualTo("environments/preview/templates/configmap.yaml");
        assertThat(settings.manifest().get("data")).isEqualTo(Map.of("greeting", "hello", "banner", "preview build",
                "namespace", "docs-preview"));
    }

    @Test
    void temporaryChartFolderIsDeleted() throws IOException {
        Set<Path> before = helmTempFolders();
        Renderers.standard().render(Fixtures.docsPlatform(),
                Fixtures.kubernetes("preview", "environments/preview", "docs-preview"), Map.of(), "rev3");

        assertThat(helmTempFolders()).isSubsetOf(before);
    }

    @Test
    void swarmEnvironmentCannotUseHelm() {
        Environment swarm = Environment.of("preview", "environments/preview", TargetSpec.swarm("docs"));

        assertThatThrownBy(() -> Renderers.standard().render(Fixtures.docsPlatform(), swarm, Map.of(), "rev3"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("targets Docker Swarm");
    }

    private static Set<Path> helmTempFolders() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("gitops-helm-"))
                    .collect(Collectors.toSet());
        }
    }
}
