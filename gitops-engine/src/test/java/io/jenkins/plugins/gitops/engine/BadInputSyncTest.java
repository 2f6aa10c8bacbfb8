package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (src/test/resources/bad-input, also used by the renderer tests) run as whole
 * syncs against the in-process API, each next to a valid object: every case is refused with its
 * expected message and not one API write happens — nothing is applied half-way.
 */
@Timeout(120)
class BadInputSyncTest {
    private static final String GITOPS_YAML = """
            environments:
              x:
                path: environments/x
                target:
                  kubernetes: { namespace: x-ns }
                prune: true
            """;
    private static final String GOOD_OBJECT = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a-valid-object-next-to-the-bad-one
            data:
              key: value
            """;

    private static InProcessKubernetes api;

    @TempDir
    Path temp;

    @BeforeAll
    static void startApi() {
        api = InProcessKubernetes.start();
    }

    @AfterAll
    static void stopApi() {
        api.close();
    }

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> dirs = Files.list(corpus())) {
            // cases with a setup.txt (symlinks, huge files) are built at run time by the renderer tests
            return dirs.filter(d -> !Files.exists(d.resolve("setup.txt"))).map(d -> d.getFileName().toString())
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithTheExpectedMessageAndNoWrite(String name) throws Exception {
        Path repo = temp.resolve("repo");
        copy(corpus().resolve(name), repo);
        Files.writeString(repo.resolve("gitops.yaml"), GITOPS_YAML);
        if (Files.isDirectory(repo.resolve("environments/x"))) {
            Files.writeString(repo.resolve("environments/x/0-valid.yaml"), GOOD_OBJECT);
        }
        api.resetRequestCounts();
        try (GitOps gitOps = GitOps.builder().repository(repo.toString()).cacheDir(temp.resolve("cache"))
                .targets(env -> new KubernetesTarget(api.newClient(), env)).build()) {
            InvalidInputException e = catchThrowableOfType(() -> gitOps.sync(SyncRequest.of("x")),
                    InvalidInputException.class);
            assertThat(e).as("case %s must be refused", name).isNotNull();
            for (String expected : lines(repo.resolve("expected-error.txt"))) {
                assertThat(e.getMessage()).contains(expected);
            }
        }
        assertThat(api.requestCounts()).as("API requests for %s", name)
                .doesNotContainKeys("POST", "PUT", "PATCH", "DELETE");
        assertThat(api.client().configMaps().inAnyNamespace().list().getItems()).isEmpty();
    }

    private static Path corpus() throws URISyntaxException {
        return Path.of(BadInputSyncTest.class.getResource("/bad-input").toURI());
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList()
                : List.of();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
