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
 * The kustomize features of render/kustomize-fidelity, each a folder of our own inputs with {@code run.txt}
 * (the folder built) and either {@code expected.yaml}, the objects {@code kubectl kustomize} (kustomize
 * v5.5.0) gives for it, in its order, with base64 values without line breaks as the engine writes them, or
 * {@code expected-error.txt}, lines the error must contain where kustomize fails too: generator hashes and
 * behaviors, metadata values, strategic-merge list order, patch targets and options, name references of the
 * default configuration, {@code configurations:} and {@code crds:}, label options, ambiguous references,
 * files outside the kustomization (refused by default; with {@code load-restrictor.txt} holding
 * {@code LoadRestrictionsNone}, built as {@code kubectl kustomize --load-restrictor LoadRestrictionsNone} does,
 * yet never outside the repository), List objects and cluster scope, images and replicas.
 */
@Timeout(60)
class KustomizeFidelityTest {
    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(Fixtures.resource("render/kustomize-fidelity"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersWhatKustomizeBuildGives(String name) throws IOException {
        KustomizeCases.check("render/kustomize-fidelity", name);
    }
}
