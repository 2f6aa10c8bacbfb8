package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** verify.signatures from the command: --allowed-signers, exit 2 naming the commit and rule, the SIGNER column. */
@Timeout(180)
class SignedCommitsCommandTest {
    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private DemoRepository repo;
    private Path kubeconfig;
    private Path allowedSigners;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        api = InProcessKubernetes.start();
        api.startControllerStandIn();
        repo = DemoRepository.create("kubernetes", temp.resolve("repo"));
        kubeconfig = Files.writeString(temp.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{ name: c, cluster: { server: "%s", insecure-skip-tls-verify: true } }]
                users: [{ name: u, user: { token: t } }]
                contexts: [{ name: x, context: { cluster: c, user: u } }]
                current-context: x
                """.formatted(api.url()));
        allowedSigners = Path.of(getClass().getResource("/signed/allowed_signers").toURI());
    }

    @AfterEach
    void stop() {
        repo.close();
        api.close();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 4];
        all[0] = args[0];
        all[1] = "--repo=" + repo.location();
        all[2] = "--cache-dir=" + temp.resolve("cache");
        all[3] = "--kubeconfig=" + kubeconfig;
        all[4] = "--allowed-signers=" + allowedSigners;
        System.arraycopy(args, 1, all, 5, args.length - 1);
        return GitOpsCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(all);
    }

    private String requireSignatures(String rule) {
        repo.write("gitops.yaml", repo.read("gitops.yaml").replace("    path: environments/development\n",
                "    path: environments/development\n    verify: { signatures: " + rule + " }\n"));
        return repo.commit("development verifies signatures: " + rule);
    }

    @Test
    void requiredRefusesAnUnsignedCommitWithExitTwo() {
        String commit = requireSignatures("required");
        assertThat(run("sync", "development")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(commit.substring(0, 12) + " of 'development' is not signed")
                .contains("verify.signatures: required");
        assertThat(api.client().apps().deployments().inNamespace("docs-dev").list().getItems()).isEmpty();
    }

    @Test
    void warnDeploysAndHistoryShowsTheSigner() {
        requireSignatures("warn");
        assertThat(run("sync", "development")).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("is not signed").contains("(verify.signatures: warn)");
        assertThat(run("history", "development")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("SIGNER").contains("[unsigned]");
    }

    @Test
    void aMissingKeyFileIsBadInput() {
        allowedSigners = temp.resolve("nope");
        assertThat(run("sync", "development")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--allowed-signers " + allowedSigners);
    }
}
