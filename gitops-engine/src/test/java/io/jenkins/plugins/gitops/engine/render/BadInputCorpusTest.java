package io.jenkins.plugins.gitops.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder under src/test/resources/bad-input is a small repository that must fail to render
 * environment 'x' (path environments/x) with a message containing each line of expected-error.txt
 * and none of must-not-contain.txt (secrets). A setup.txt creates what Git cannot store well:
 * {@code symlink-outside PATH} (a link to a file outside the repository) and {@code big-file PATH BYTES}.
 */
@Timeout(120)
class BadInputCorpusTest {
    private static final Environment X = Fixtures.kubernetes("x", "environments/x", "x-ns");

    @TempDir
    Path temp;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(Fixtures.resource("bad-input"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesBadInputWithAMessageNamingTheProblem(String name) throws IOException {
        Path repo = temp.resolve("repo");
        Fixtures.copyFolder(Fixtures.resource("bad-input/" + name), repo);
        setUp(repo);

        InvalidInputException e = catchThrowableOfType(
                () -> Renderers.standard().render(new DirectoryTree(repo), X, Map.of(), "abc123"),
                InvalidInputException.class);

        assertThat(e).as("case %s must be refused", name).isNotNull();
        for (String expected : lines(repo.resolve("expected-error.txt"))) {
            assertThat(e.getMessage()).contains(expected);
        }
        for (String secret : lines(repo.resolve("must-not-contain.txt"))) {
            assertThat(e.getMessage()).doesNotContain(secret);
        }
    }

    @Test
    void corpusCoversTheAgreedCases() throws IOException {
        assertThat(cases().toList()).contains("malformed-yaml", "alias-bomb", "document-without-kind",
                "document-without-name", "duplicate-object", "kustomize-path-traversal", "kustomize-absolute-path",
                "symlink-outside-repo", "file-over-size-limit", "kustomize-unknown-key", "kustomize-missing-resource",
                "json6902-missing-path", "helm-template-error", "missing-environment-folder",
                "non-mapping-list-document", "non-mapping-scalar-document");
    }

    private void setUp(Path repo) throws IOException {
        for (String line : lines(repo.resolve("setup.txt"))) {
            String[] words = line.split("\\s+");
            Path target = repo.resolve(words[1]);
            switch (words[0]) {
                case "symlink-outside" -> {
                    Path outside = Files.writeString(temp.resolve("outside.yaml"),
                            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: outside\n");
                    Files.createSymbolicLink(target, outside);
                }
                case "big-file" -> {
                    byte[] content = new byte[Integer.parseInt(words[2])];
                    java.util.Arrays.fill(content, (byte) '#');
                    Files.write(target, content);
                }
                default -> throw new IllegalStateException("unknown setup step " + line);
            }
        }
    }

    private static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
