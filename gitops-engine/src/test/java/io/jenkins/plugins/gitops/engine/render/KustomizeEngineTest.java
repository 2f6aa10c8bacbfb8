package io.jenkins.plugins.gitops.engine.render;

import static io.jenkins.plugins.gitops.engine.render.Fixtures.find;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Kustomize behaviour that {@code kubectl kustomize} v5.5.0 cannot show (render/kustomize-engine): the scope
 * of kinds from the cluster's discovery and from CustomResourceDefinitions of the same render (where the engine
 * deliberately knows more than kustomize, which namespaces every kind it does not know), and what newer
 * kustomize does (empty patch files ignored, PatchTransformer; {@code includeVolumeClaimTemplates}).
 */
@Timeout(30)
class KustomizeEngineTest {
    private static List<Resource> render(String folder, ClusterCapabilities capabilities) {
        return Renderers.standard().render(new DirectoryTree(Fixtures.resource("render/kustomize-engine")),
                Fixtures.kubernetes("x", folder, "default"), Map.of(), "rev", capabilities).resources();
    }

    @Test
    void aKindDefinedClusterScopedByACrdOfTheRenderGetsNoNamespace() {
        List<Resource> objects = render("scope", ClusterCapabilities.offline());

        assertThat(find(objects, "Widget", "x-global").namespace()).isEmpty();
        assertThat(find(objects, "Gadget", "x-gadget").namespace()).isEqualTo("apps");
        assertThat(find(objects, "ConfigMap", "x-settings").namespace()).isEqualTo("apps");
        assertThat(find(objects, "ClusterRole", "x-reader").namespace()).isEmpty();
    }

    @Test
    void theClustersDiscoveryDecidesFirst() {
        ClusterCapabilities cluster = new ClusterCapabilities("v1.31.0", Set.of(),
                Map.of("example.com/Gadget", false, "example.com/Widget", true));

        List<Resource> objects = render("scope", cluster);

        assertThat(find(objects, "Gadget", "x-gadget").namespace()).isEmpty();
        assertThat(find(objects, "Widget", "x-global").namespace()).isEqualTo("apps");
    }

    @Test
    void emptyPatchFilesAreIgnored() {
        List<Resource> objects = render("empty-patch", ClusterCapabilities.offline());

        assertThat(objects).hasSize(1);
        assertThat(objects.get(0).manifest().get("data")).isEqualTo(Map.of("a", "1"));
    }

    @Test
    void volumeClaimTemplatesGetLabelsOnlyWhenAsked() {
        Resource db = find(render("volume-claim-labels", ClusterCapabilities.offline()), "StatefulSet", "db");

        assertThat(Manifests.get(db.manifest(), "spec", "template", "metadata", "labels"))
                .isEqualTo(Map.of("tier", "db"));
        assertThat(Fixtures.list(db, "spec", "volumeClaimTemplates").get(0).get("metadata"))
                .isEqualTo(Map.of("name", "data", "labels", Map.of("storage", "fast")));
        assertThat(db.labels()).isEqualTo(Map.of("tier", "db", "storage", "fast"));
    }
}
