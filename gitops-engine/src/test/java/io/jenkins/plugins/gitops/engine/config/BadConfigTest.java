package io.jenkins.plugins.gitops.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of broken project files under config/bad: each file starts with one or more
 * {@code # expect: <text>} lines, and loading it must fail with a message containing every one of
 * them (the text includes the file name and line, so the line number is checked too).
 */
@Timeout(30)
class BadConfigTest {
    /** YAML errors SnakeYAML reports without a position. */
    private static final Set<String> WITHOUT_LINE = Set.of("alias-bomb.yaml");

    static Stream<Path> badFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(BadConfigTest.class.getResource("/config/bad").toURI());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        return files.stream();
    }

    @Test
    void corpusIsLargeEnough() throws Exception {
        assertThat(badFiles().count()).isGreaterThanOrEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void reportsTheExpectedProblemAtItsLine(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        List<String> expected = expectations(new String(content, StandardCharsets.UTF_8));
        assertThat(expected).as("%s has no '# expect:' line", file.getFileName()).isNotEmpty();

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ProjectConfigLoader.load(content, "gitops.yaml"));

        assertThat(e).as("%s must be refused", file.getFileName()).isNotNull();
        for (String text : expected) {
            assertThat(e.getMessage()).contains(text);
        }
        String linePattern = WITHOUT_LINE.contains(file.getFileName().toString()) ? "gitops\\.yaml: .+"
                : "gitops\\.yaml:\\d+: .+";
        assertThat(e.problems()).allSatisfy(problem -> assertThat(problem).matches(linePattern));
    }

    private static List<String> expectations(String text) {
        List<String> expected = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("# expect: ")) {
                break;
            }
            expected.add(line.substring("# expect: ".length()).strip());
        }
        return expected;
    }
}
