package io.jenkins.plugins.gitops.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Strategic merge and JSON6902 patches against fixture files in render/patches: each file holds the
 * original object, the patch (a mapping: strategic merge; a list: JSON6902) and the expected result.
 */
@Timeout(30)
class PatchFixturesTest {

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.resource("render/patches"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @SuppressWarnings("unchecked")
    void patchGivesExpectedObject(String name) throws IOException {
        List<Object> docs = SafeYaml.loadAll(Files.readAllBytes(Fixtures.resource("render/patches/" + name)), name);
        Map<String, Object> original = (Map<String, Object>) docs.get(0);
        Object patched = docs.get(1) instanceof List<?> ops ? JsonPatch.apply(original, ops)
                : StrategicMerge.apply(original, (Map<String, Object>) docs.get(1));

        assertThat(Values.jsonEquals(patched, docs.get(2))).as("%s gave %s", name, patched).isTrue();
        assertThat(docs.get(0)).as("original left unchanged").isEqualTo(
                SafeYaml.loadAll(Files.readAllBytes(Fixtures.resource("render/patches/" + name)), name).get(0));
    }

    @Test
    void strategicMergeDeleteOfWholeObjectGivesNull() {
        assertThat(StrategicMerge.apply(Map.of("kind", "ConfigMap"), Map.of("$patch", "delete"))).isNull();
    }

    @Test
    void jsonPatchFailuresNameTheOperation() {
        Map<String, Object> doc = Map.of("spec", Map.of("replicas", 1, "list", List.of("a")));

        assertThatThrownBy(() -> JsonPatch.apply(doc, List.of(Map.of("op", "test", "path", "/spec/replicas",
                "value", 2)))).hasMessage("operation 1 (test /spec/replicas): test failed: the value differs");
        assertThatThrownBy(() -> JsonPatch.apply(doc, List.of(Map.of("op", "add", "path", "/spec/list/5",
                "value", "x")))).hasMessage("operation 1 (add /spec/list/5): index 5 is out of range");
        assertThatThrownBy(() -> JsonPatch.apply(doc, List.of(Map.of("op", "remove", "path", "/spec/missing"))))
                .hasMessage("operation 1 (remove /spec/missing): path not found");
        assertThatThrownBy(() -> JsonPatch.apply(doc, List.of(Map.of("op", "add", "path", "/a/b", "value", 1))))
                .hasMessage("operation 1 (add /a/b): parent path not found");
        assertThatThrownBy(() -> JsonPatch.apply(doc, List.of(Map.of("op", "merge", "path", "/spec"))))
                .hasMessageContaining("unknown op 'merge'");
    }
}
