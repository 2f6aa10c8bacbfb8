package io.jenkins.plugins.gitops.engine.render;

import static io.jenkins.plugins.gitops.engine.render.Fixtures.find;
import static io.jenkins.plugins.gitops.engine.render.Fixtures.findPrefix;
import static io.jenkins.plugins.gitops.engine.render.Fixtures.list;
import static io.jenkins.plugins.gitops.engine.render.Fixtures.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CronJobs, RBAC references, generator merge, inline and label-selected patches (render/kustomize-features). */
@Timeout(60)
class KustomizeFeaturesTest {
    private static List<Resource> objects;

    @BeforeAll
    static void render() {
        objects = Renderers.standard().render(new DirectoryTree(Fixtures.resource("render/kustomize-features")),
                Fixtures.kubernetes("x", "environments/x", "search"), Map.of(), "rev").resources();
    }

    @Test
    void cronJobGetsImageLabelsPatchesAndRenamedReferences() {
        Resource cron = find(objects, "CronJob", "x-reindex");
        Map<String, Object> pod = map(cron, "spec", "jobTemplate", "spec", "template", "spec");
        Map<String, Object> container = list(cron, "spec", "jobTemplate", "spec", "template", "spec", "containers")
                .get(0);
        Resource settings = findPrefix(objects, "ConfigMap", "x-reindex-settings-");

        assertThat(container.get("image")).isEqualTo("registry.example.com/reindex:2.2");
        assertThat(container.get("envFrom")).isEqualTo(List.of(Map.of("configMapRef", Map.of("name", settings.name()))));
        assertThat(pod.get("serviceAccountName")).isEqualTo("x-reindexer");
        assertThat(map(cron, "spec", "jobTemplate", "spec", "template", "metadata", "labels"))
                .containsEntry("team", "search");
        assertThat(cron.manifest().get("spec")).asString().contains("schedule=*/15 * * * *", "suspend=true");
    }

    @Test
    void generatorMergeChangesTheBaseConfigMapAndKeepsOptions() {
        Resource settings = findPrefix(objects, "ConfigMap", "x-reindex-settings-");

        assertThat(settings.manifest().get("data")).isEqualTo(Map.of("BATCH_SIZE", "100", "MODE", "incremental"));
        assertThat(settings.labels()).containsEntry("generated", "true").containsEntry("team", "search");
        assertThat(settings.source()).isEqualTo("base/kustomization.yml");
    }

    @Test
    void bindingFollowsRenamedRoleAndServiceAccountIntoTheNamespace() {
        Resource binding = find(objects, "RoleBinding", "x-reindexer");

        assertThat(Manifests.get(binding.manifest(), "roleRef", "name")).isEqualTo("x-reindexer");
        assertThat(list(binding, "subjects")).containsExactly(
                Map.of("kind", "ServiceAccount", "name", "x-reindexer", "namespace", "search"));
        assertThat(objects).allSatisfy(r -> assertThat(r.namespace()).isEqualTo("search"));
    }
}
