package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command as a separate process (logging is fixed once per JVM): a sync whose custom resource uses an
 * unstable version makes fabric8 log a VersionUsageUtils warning, which only {@code --verbose} shows.
 */
@Timeout(180)
class LoggingTest {
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
        copy(Path.of(LoggingTest.class.getResource("/logging").toURI()), repo);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void thirdPartyLoggingIsSilentByDefaultAndShownWithVerbose() throws Exception {
        Run quiet = gitops("sync", "beta");
        assertThat(quiet.exitCode).as(quiet.output).isZero();
        assertThat(quiet.output).contains("Syncing environment 'beta'", "create Widget/beta-ns/blue")
                .doesNotContain("VersionUsageUtils").doesNotContain("unstable version");

        api.close();
        api = InProcessKubernetes.start(); // a fresh cluster, so the second run uses the v1beta1 kind again
        Files.writeString(kubeconfig, Files.readString(kubeconfig).replaceAll("server: \"[^\"]+\"",
                "server: \"" + api.url() + "\""));
        Run verbose = gitops("sync", "beta", "--verbose"); // accepted after the subcommand too
        assertThat(verbose.exitCode).as(verbose.output).isZero();
        assertThat(verbose.output).contains("Syncing environment 'beta'")
                .contains("VersionUsageUtils", "unstable version 'v1beta1'");
    }

    private Run gitops(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--repo", repo.toString(),
                "--cache-dir", temp.resolve("cache").toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String output) {
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
