package io.jenkins.plugins.gitops.engine.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.PreviewNames;
import io.jenkins.plugins.gitops.engine.model.PreviewSpec;
import io.jenkins.plugins.gitops.engine.model.PreviewSpec.ImageOverride;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviewRewriterTest {
    private static final PreviewSpec SPEC = new PreviewSpec(null, "pr-<id>.example.com", null, List.of("IMAGE_TAG"),
            List.of(new ImageOverride("ghcr.io/acme/shop", null, "${IMAGE_TAG}", null)));

    private static Preview preview() {
        Environment dev = Environment.of("development", "environments/development", TargetSpec.kubernetes("shop-dev"));
        return Preview.of(new ProjectConfig(Map.of("development", dev), Map.of("development", SPEC)), "development", "7");
    }

    @SuppressWarnings("unchecked")
    private static List<Resource> fixture() {
        try (var in = PreviewRewriterTest.class.getResourceAsStream("/preview/shared-objects.yaml")) {
            List<Resource> out = new java.util.ArrayList<>();
            for (Object doc : new org.yaml.snakeyaml.Yaml().loadAll(in)) {
                out.add(Resource.ofManifest((Map<String, Object>) doc, "app.yaml"));
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void clusterScopedObjectsAndOtherNamespacesAreRefusedTogether() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> new PreviewRewriter(preview(),
                Map.of("IMAGE_TAG", "pr-7")).rewrite(new DesiredState("development", "abc", fixture(), List.of())));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(0)).contains("app.yaml: ClusterRole 'shop-reader': cluster-scoped objects are shared");
        assertThat(e.problems().get(1)).contains("ConfigMap 'monitoring-settings': in namespace monitoring, but a preview"
                + " copies only shop-dev");
    }

    @Test
    void onlyTheNamedImageChangesItsTagAndLosesItsDigest() {
        List<Resource> deployment = fixture().subList(2, 3);
        DesiredState out = new PreviewRewriter(preview(), Map.of("IMAGE_TAG", "pr-7"))
                .rewrite(new DesiredState("development", "abc", deployment, List.of()));
        Resource shop = out.resources().stream().filter(r -> r.kind().equals("Deployment")).findFirst().orElseThrow();
        assertThat(shop.namespace()).isEqualTo("development-pr-7");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> containers = (List<Map<String, Object>>) Manifests.get(shop.manifest(), "spec",
                "template", "spec", "containers");
        assertThat(containers).extracting(c -> c.get("image"))
                .containsExactly("ghcr.io/acme/shop:pr-7", "envoyproxy/envoy:v1.30");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> init = (List<Map<String, Object>>) Manifests.get(shop.manifest(), "spec", "template",
                "spec", "initContainers");
        assertThat(init.get(0).get("image")).as("another image keeps its tag").isEqualTo("ghcr.io/acme/shop-migrate:1.4.0");
        assertThat(out.resources().get(0).kind()).as("a labelled Namespace object is added").isEqualTo("Namespace");
        assertThat(PreviewNames.idOf(SPEC, "development", "development-pr-7")).isEqualTo("7");
        assertThat(PreviewNames.idOf(SPEC, "development", "staging-pr-7")).isNull();
    }
}
