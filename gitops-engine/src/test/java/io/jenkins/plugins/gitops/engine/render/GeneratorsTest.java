package io.jenkins.plugins.gitops.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class GeneratorsTest {

    @Test
    void configMapFromFileGetsTheSameHashSuffixAsKustomize() {
        // The Kubernetes documentation's example; kustomize v5 (kubectl kustomize) names it
        // example-configmap-1-g4hk9g2ff8: the name is not part of the hash.
        List<Resource> objects = new KustomizeRenderer().render(new DirectoryTree(Fixtures.resource("render/generators")),
                "environments/x", Fixtures.kubernetes("x", "environments/x", "x"), Map.of()).resources();

        assertThat(objects).hasSize(1);
        assertThat(objects.get(0).name()).isEqualTo("example-configmap-1-g4hk9g2ff8");
        assertThat(objects.get(0).manifest().get("data")).isEqualTo(Map.of("application.properties", "FOO=Bar\n"));
    }

    @Test
    void hashChangesWithContent() {
        Map<String, Object> a = Map.of("kind", "ConfigMap", "metadata", Map.of("name", "c"), "data", Map.of("k", "1"));
        Map<String, Object> b = Map.of("kind", "ConfigMap", "metadata", Map.of("name", "c"), "data", Map.of("k", "2"));

        assertThat(ContentHash.of(a)).hasSize(10).isNotEqualTo(ContentHash.of(b));
    }
}
