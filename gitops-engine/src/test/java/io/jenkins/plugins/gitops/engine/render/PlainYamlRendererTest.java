package io.jenkins.plugins.gitops.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PlainYamlRendererTest {

    private static DesiredState renderPlain() {
        return Renderers.standard().render(Fixtures.docsPlatform(),
                Fixtures.kubernetes("plain", "environments/plain", "docs-plain"), Map.of(), "rev4");
    }

    @Test
    void readsEveryManifestRecursivelyInPathThenDocumentOrderExpandingLists() {
        DesiredState state = renderPlain();

        assertThat(state.resources()).extracting(r -> r.kind() + "/" + r.name() + " from " + r.source())
                .containsExactly(
                        "Deployment/web from environments/plain/app.yaml",
                        "Service/web from environments/plain/app.yaml",
                        "ConfigMap/settings-a from environments/plain/list.yaml",
                        "ConfigMap/settings-b from environments/plain/list.yaml",
                        "CronJob/reindex from environments/plain/workers/worker.yml");
    }

    @Test
    void keepsNamespacesAsWrittenAndSkipsValuesReadmeAndChartFolders() {
        DesiredState state = renderPlain();

        assertThat(state.resources()).extracting(Resource::namespace).containsExactly("", "", "", "", "search");
        assertThat(state.warnings()).singleElement().asString()
                .startsWith("environments/plain/vendored-chart: skipped");
    }

    @Test
    void manifestFileNamesExcludeOtherFormats() {
        assertThat(PlainYamlRenderer.isManifestFile("app.yaml")).isTrue();
        assertThat(PlainYamlRenderer.isManifestFile("app.yml")).isTrue();
        assertThat(PlainYamlRenderer.isManifestFile("README.md")).isFalse();
        assertThat(PlainYamlRenderer.isManifestFile("values-production.yaml")).isFalse();
        assertThat(PlainYamlRenderer.isManifestFile("docker-compose.override.yml")).isFalse();
        assertThat(PlainYamlRenderer.isManifestFile("kustomization.yaml")).isFalse();
    }
}
