package io.jenkins.plugins.gitops.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.render.SafeYaml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentDigestTest {

    @Test
    void equalContentInAnotherOrderHasTheSameDigestAndAnyChangeAnother() {
        DesiredState state = state("content-digest/release.yaml");
        List<Resource> reversed = new ArrayList<>(state.resources());
        java.util.Collections.reverse(reversed);
        DesiredState reordered = state("content-digest/release-reordered-keys.yaml");
        DesiredState changed = state("content-digest/release-changed.yaml");

        assertThat(ContentDigest.of(state)).startsWith("sha256:").hasSize("sha256:".length() + 64);
        assertThat(ContentDigest.of(state.withResources(reversed))).isEqualTo(ContentDigest.of(state));
        assertThat(ContentDigest.of(reordered)).as("keys in another order").isEqualTo(ContentDigest.of(state));
        assertThat(ContentDigest.of(changed)).isNotEqualTo(ContentDigest.of(state));
        assertThat(ContentDigest.of(state.withResources(List.of()))).isNotEqualTo(ContentDigest.of(state));
    }

    @SuppressWarnings("unchecked")
    private static DesiredState state(String resource) {
        try (var in = ContentDigestTest.class.getResourceAsStream("/history/" + resource)) {
            List<Resource> resources = new ArrayList<>();
            for (Object o : SafeYaml.loadAll(in.readAllBytes(), resource)) {
                resources.add(Resource.ofManifest((Map<String, Object>) o, resource));
            }
            return new DesiredState("production", "0123", resources, List.of());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
