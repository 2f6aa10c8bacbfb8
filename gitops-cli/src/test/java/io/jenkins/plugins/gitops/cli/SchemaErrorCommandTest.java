package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Values of the wrong type stop `gitops sync` with exit 2 before any write, naming file, object and field. */
@Timeout(120)
class SchemaErrorCommandTest {
    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private Path kubeconfig;
    private Path repo;

    @BeforeEach
    void start() throws IOException, URISyntaxException {
        api = InProcessKubernetes.start();
        kubeconfig = Files.writeString(temp.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: in-process
                    cluster: { server: "%s", insecure-skip-tls-verify: true }
                users:
                  - name: tester
                    user: { token: "t0ken" }
                contexts:
                  - name: test
                    context: { cluster: in-process, user: tester }
                current-context: test
                """.formatted(api.url()));
        repo = temp.resolve("repo");
        Path source = Path.of(SchemaErrorCommandTest.class.getResource("/schema-errors").toURI());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = repo.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void syncExitsWithTwoNamingFileObjectAndFieldAndWritesNothing() {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run("--repo", repo.toString(), "--cache-dir", temp.resolve("cache").toString(),
                    "--kubeconfig", kubeconfig.toString(), "sync", "shop");
        } finally {
            System.setErr(oldErr);
        }
        String output = err.toString(StandardCharsets.UTF_8);

        assertThat(code).as(output).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(output).contains("environments/shop/api.yaml: Deployment 'api': spec.replicas: expected integer"
                        + " (int32), got the string \"2\"; remove the quotes: 2")
                .contains("environments/shop/api.yaml: Deployment 'api': spec.template.spec.containers[0].env[0].value:"
                        + " expected string, got the number 8080; quote it: \"8080\"");
        assertThat(api.requestCounts()).doesNotContainKeys("POST", "PUT", "PATCH", "DELETE");
        assertThat(api.client().configMaps().inAnyNamespace().list().getItems()).isEmpty();
    }
}
