package io.jenkins.plugins.gitops.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Components, replacements, vars, built-in transformer and generator configurations, sortOptions and
 * buildMetadata (render/kustomize-ext). Each case folder holds the files, {@code run.txt} (the folder
 * that is built) and either {@code expected.yaml}, the objects {@code kustomize build} gives for it in
 * that order, or {@code expected-error.txt}, lines the error must contain (kustomize fails there too).
 */
@Timeout(60)
class KustomizeExtensionsTest {
    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(Fixtures.resource("render/kustomize-ext"))) {
            return dirs.map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersWhatKustomizeBuildGives(String name) throws IOException {
        KustomizeCases.check("render/kustomize-ext", name);
    }
}
