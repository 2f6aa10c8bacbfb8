package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
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
 * {@code gitops agent --once} on an automatically synced environment with {@code verify.signatures: required}: its
 * sync honours {@code --allowed-signers} as {@code gitops sync} does. The commit is signed by the real
 * {@code git commit -S} with an SSH key made by {@code ssh-keygen} (skipped where they are missing).
 */
@Timeout(120)
class AgentSignaturesTest {
    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private Path repo;
    private Path kubeconfig;
    private Path allowedSigners;
    private String log;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(run(temp, "git", "--version") == 0 && run(temp, "ssh-keygen", "-V") != 127,
                "git and ssh-keygen are needed");
        api = InProcessKubernetes.start();
        Path key = temp.resolve("release_key");
        assertThat(run(temp, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "release@example.test", "-f",
                key.toString())).isZero();
        String[] pub = Files.readString(Path.of(key + ".pub")).trim().split(" ");
        allowedSigners = Files.writeString(temp.resolve("allowed_signers"),
                "release@example.test namespaces=\"git\" " + pub[0] + " " + pub[1] + "\n");

        repo = temp.resolve("repo");
        copy(Path.of(getClass().getResource("/agent/cluster").toURI()), repo);
        Path config = repo.resolve("gitops.yaml");
        Files.writeString(config, Files.readString(config).replace("    selfHeal: true\n",
                "    selfHeal: true\n    sync: automatic\n    verify: { signatures: required }\n"));
        git("init", "-q", "-b", "main");
        git("add", ".");
        git("-c", "user.name=Release", "-c", "user.email=release@example.test", "-c", "gpg.format=ssh",
                "-c", "user.signingkey=" + key, "commit", "-q", "-S", "-m", "signed environments");
        kubeconfig = Files.writeString(temp.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{ name: c, cluster: { server: "%s", insecure-skip-tls-verify: true } }]
                users: [{ name: u, user: { token: t } }]
                contexts: [{ name: x, context: { cluster: c, user: u } }]
                current-context: x
                """.formatted(api.url()));
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void withoutTrustedKeysTheSignedCommitIsRefusedAndNothingIsWritten() {
        assertThat(agent()).isEqualTo(ExitCodes.FAILED);
        assertThat(log).contains("verify.signatures: required");
        assertThat(api.client().configMaps().inNamespace("agent-dev").withName("web-config").get()).isNull();
    }

    @Test
    void withTheAllowedSignersTheAgentSyncsAndRecordsTheSigner() {
        assertThat(agent("--allowed-signers=" + allowedSigners)).as(log).isEqualTo(ExitCodes.DIFFERENCES);
        assertThat(log).contains("verified").contains("release@example.test");
        assertThat(api.client().configMaps().inNamespace("agent-dev").withName("web-config").get()).isNotNull();
    }

    private int agent(String... extra) {
        List<String> args = new ArrayList<>(List.of("agent", "--once", "--environment", "development",
                "--repo=" + repo, "--cache-dir=" + temp.resolve("cache"), "--kubeconfig=" + kubeconfig));
        args.addAll(List.of(extra));
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return GitOpsCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true))
                    .execute(args.toArray(String[]::new));
        } finally {
            System.setErr(oldErr);
            log = err.toString(StandardCharsets.UTF_8) + out;
            oldErr.print(log);
        }
    }

    private void git(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "git";
        System.arraycopy(args, 0, all, 1, args.length);
        assertThat(run(repo, all)).as(String.join(" ", all)).isZero();
    }

    private static int run(Path dir, String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return 127;
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
    }
}
