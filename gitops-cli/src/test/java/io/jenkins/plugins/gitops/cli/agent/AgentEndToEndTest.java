package io.jenkins.plugins.gitops.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.jenkins.plugins.gitops.cli.ExitCodes;
import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.PreviewRequest;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code gitops agent --once} against the real facade: a Git repository made here and the in-process
 * Kubernetes API. Drift made by hand is healed where selfHeal is on and only reported elsewhere; idle
 * previews are expired.
 */
@Timeout(120)
class AgentEndToEndTest {
    private static final String HAND_EDITED_SECRET = "Hand-Edited-Pa55word";

    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private Path repo;
    private GitOps gitOps;
    private String out;
    private String log;

    @BeforeEach
    void start() throws Exception {
        api = InProcessKubernetes.start();
        repo = temp.resolve("repo");
        copy(Path.of(AgentEndToEndTest.class.getResource("/agent/cluster").toURI()), repo);
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("initial").setAuthor("Test", "test@example.test")
                    .setCommitter("Test", "test@example.test").call();
        }
        gitOps = GitOps.builder().repository(repo.toString()).cacheDir(temp.resolve("cache"))
                .targets(env -> new KubernetesTarget(api.newClient(), env)).holder("agent-test").build();
        assertThat(gitOps.sync(SyncRequest.of("development")).succeeded()).isTrue();
        assertThat(gitOps.sync(SyncRequest.of("staging")).succeeded()).isTrue();
    }

    @AfterEach
    void stop() {
        gitOps.close();
        api.close();
    }

    @Test
    void eachCheckRefreshesTheDeliveryGaugesOfItsEnvironment() {
        GitOpsChecker checker = new GitOpsChecker(gitOps, java.util.List.of("development"), false);
        checker.check("development");
        String scrape = gitOps.metrics().scrape();
        // one successful deployment (the sync above) in the trailing 30 days, no change failed, nothing to restore
        assertThat(scrape).contains("gitops_delivery_deployment_frequency_per_day{environment=\"development\"} 0.0333")
                .contains("gitops_delivery_change_failure_ratio{environment=\"development\"} 0.0")
                .contains("gitops_delivery_time_to_restore_median_seconds{environment=\"development\"} NaN")
                .contains("gitops_delivery_lead_time_median_seconds{environment=\"development\"} ")
                .doesNotContain("gitops_delivery_deployment_frequency_per_day{environment=\"staging\"}");
    }

    @Test
    void inSyncRightAfterTheSync() {
        assertThat(once("--once")).isEqualTo(ExitCodes.OK);
        assertThat(out).isEqualTo("2 environment(s) checked: 2 in-sync\n");
    }

    @Test
    void driftByHandIsHealedWhereSelfHealIsOnAndOnlyReportedElsewhere() {
        editByHand("agent-dev");
        editByHand("agent-staging");

        assertThat(once("--once")).isEqualTo(ExitCodes.DIFFERENCES);

        assertThat(out).isEqualTo("2 environment(s) checked: 1 healed, 1 drifted\n");
        assertThat(logLevel("agent-dev")).as("healed").isEqualTo("info");
        assertThat(logLevel("agent-staging")).as("report only").isEqualTo("debug");
        assertThat(log).contains("drift check development: healed, 2 drifted object(s)")
                .contains("drift check staging: drifted, 2 drifted object(s)")
                .contains("update ConfigMap/agent-staging/web-config", "update Secret/agent-staging/web-db");

        assertThat(once("--once")).as("development stays healed, staging stays drifted").isEqualTo(ExitCodes.DIFFERENCES);
        assertThat(out).isEqualTo("2 environment(s) checked: 1 in-sync, 1 drifted\n");
    }

    @Test
    void noHealOnlyReports() {
        editByHand("agent-dev");

        assertThat(once("--once", "--no-heal", "--environment", "development")).isEqualTo(ExitCodes.DIFFERENCES);

        assertThat(out).isEqualTo("1 environment(s) checked: 1 drifted\n");
        assertThat(logLevel("agent-dev")).isEqualTo("debug");
    }

    @Test
    void noSecretValueReachesTheLogOrTheOutput() {
        editByHand("agent-staging");

        once("--once");

        for (String secret : new String[] {HAND_EDITED_SECRET, "Desired-staging-Pa55word", "Desired-development-Pa55word"}) {
            String base64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
            assertThat(log + out).doesNotContain(secret).doesNotContain(base64);
        }
    }

    @Test
    void previewsIdlePastTheirTtlAreDeletedByTheCheckOfTheirTemplateButNotWithNoHeal() throws Exception {
        Path config = repo.resolve("gitops.yaml");
        Files.writeString(config, Files.readString(config).replace("    driftInterval: 1m\n",
                "    driftInterval: 1m\n    preview: { ttl: 1s }\n"));
        try (Git git = Git.open(repo.toFile())) {
            git.add().addFilepattern("gitops.yaml").call();
            git.commit().setMessage("previews of development").setAuthor("Test", "test@example.test")
                    .setCommitter("Test", "test@example.test").call();
        }
        assertThat(gitOps.previewCreate(PreviewRequest.of("development", "7")).succeeded()).isTrue();
        assertThat(api.client().configMaps().inNamespace("development-pr-7").withName("web-config").get()).isNotNull();
        Thread.sleep(1_500); // idle past the ttl

        once("--once", "--no-heal", "--environment", "development");
        assertThat(api.client().namespaces().withName("development-pr-7").get()).as("report only: nothing deleted")
                .isNotNull();

        once("--once", "--environment", "development");
        assertThat(api.client().namespaces().withName("development-pr-7").get()).isNull();
        assertThat(api.client().configMaps().inNamespace("development-pr-7").withName("web-config").get()).isNull();
        assertThat(log).contains("development: deleted preview development-pr-7 (idle past its ttl of 1s)");
        assertThat(api.client().configMaps().inNamespace("agent-dev").withName("web-config").get())
                .as("the template stays").isNotNull();
    }

    private void editByHand(String namespace) {
        api.client().configMaps().inNamespace(namespace).withName("web-config").edit(c -> {
            c.getData().put("LOG_LEVEL", "debug");
            return c;
        });
        api.client().secrets().inNamespace(namespace).withName("web-db").edit(s -> {
            s.getData().put("password", Base64.getEncoder().encodeToString(HAND_EDITED_SECRET.getBytes(StandardCharsets.UTF_8)));
            return s;
        });
    }

    private String logLevel(String namespace) {
        ConfigMap config = api.client().configMaps().inNamespace(namespace).withName("web-config").get();
        return config.getData().get("LOG_LEVEL");
    }

    /** Runs the command against the real facade, capturing standard output and the log (slf4j-simple writes to System.err). */
    private int once(String... args) {
        AgentCommand command = new AgentCommand();
        command.checkers = (cmd, toClose) -> new GitOpsChecker(gitOps, cmd.environments, !cmd.noHeal);
        StringWriter stdout = new StringWriter();
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return new CommandLine(command).setOut(new PrintWriter(stdout, true)).execute(args);
        } finally {
            System.setErr(oldErr);
            out = stdout.toString();
            log = err.toString(StandardCharsets.UTF_8);
            oldErr.print(log);
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
