package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitops.testkit.ControllerStandIn;
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
import picocli.CommandLine;

/** The command as a user runs it: real options, a kubeconfig pointing at the in-process API, exit codes. */
@Timeout(180)
class CommandTest {
    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private ControllerStandIn standIn;
    private DemoRepository repo;
    private Path kubeconfig;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        api = InProcessKubernetes.start();
        standIn = api.startControllerStandIn();
        repo = DemoRepository.create("kubernetes", temp.resolve("repo"));
        kubeconfig = Files.writeString(temp.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: in-process
                    cluster: { server: "%s", insecure-skip-tls-verify: true }
                users:
                  - name: tester
                    user: { token: "t0ken-never-printed" }
                contexts:
                  - name: test
                    context: { cluster: in-process, user: tester }
                current-context: test
                """.formatted(api.url()));
    }

    @AfterEach
    void stop() {
        repo.close();
        api.close();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = GitOpsCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 3];
        all[0] = args[0];
        all[1] = "--repo=" + repo.location();
        all[2] = "--cache-dir=" + temp.resolve("cache");
        all[3] = "--kubeconfig=" + kubeconfig;
        System.arraycopy(args, 1, all, 4, args.length - 1);
        return cli.execute(all);
    }

    @Test
    void syncPrintsJsonAndDiffExitsThreeOnlyWhenGitChanged() throws Exception {
        assertThat(run("sync", "development", "--output", "json")).as(err.toString()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("environment").asText()).isEqualTo("development");
        assertThat(json.get("created").asInt()).isEqualTo(6);
        assertThat(json.get("health").asText()).isEqualTo("Healthy");
        assertThat(json.get("objects")).hasSize(6);
        assertThat(err.toString()).contains("Syncing environment 'development'").doesNotContain("t0ken-never-printed");

        assertThat(run("diff", "development")).isEqualTo(ExitCodes.OK);
        repo.write("environments/development/kustomization.yaml", repo.read("environments/development/kustomization.yaml")
                .replace("1.1.0-rc.1", "1.1.0"));
        repo.commit("release");
        assertThat(run("diff", "development")).isEqualTo(ExitCodes.DIFFERENCES);
        assertThat(out.toString()).contains("+          image: intelgraph/docs-platform:1.1.0");
    }

    @Test
    void renderPrintsWhatASyncWouldApplyWithHooksMarkedAndWritesNothing() throws Exception {
        api.resetRequestCounts();
        assertThat(run("render", "development")).as(err.toString()).isEqualTo(ExitCodes.OK);

        String yaml = out.toString();
        assertThat(yaml).startsWith("---\n");
        assertThat(yaml).contains("# Source: environments/base/migrate-job.yaml\n"
                + "# Hook: PreSync (delete policy BeforeHookCreation)\napiVersion: batch/v1\nkind: Job\n");
        assertThat(yaml).contains("kind: Deployment").contains("namespace: docs-dev")
                .contains("app.kubernetes.io/managed-by: jenkins-gitops");
        assertThat(api.requestCounts()).doesNotContainKeys("POST", "PUT", "PATCH", "DELETE");
        assertThat(api.client().apps().deployments().inAnyNamespace().list().getItems()).isEmpty();

        assertThat(run("render", "development", "--output", "json")).as(err.toString()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("environment").asText()).isEqualTo("development");
        JsonNode job = null;
        for (JsonNode object : json.get("objects")) {
            if (object.path("manifest").path("kind").asText().equals("Job")) {
                job = object;
            }
        }
        assertThat(job).isNotNull();
        assertThat(job.get("hook").get("phases").get(0).asText()).isEqualTo("PreSync");
        assertThat(job.get("source").asText()).isEqualTo("environments/base/migrate-job.yaml");
    }

    @Test
    void renderOfAFolderWithoutGitopsYamlMasksSecretsUnlessAskedAndRefusesBadInput() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("plain"));
        Files.writeString(folder.resolve("app.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db
                stringData:
                  password: s3cr3t-value
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  mode: fast
                """);

        assertThat(run("render", "--path", folder.toString())).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).containsPattern("# Source: \\S*plain/app.yaml").contains("password: <redacted>")
                .contains("mode: fast").doesNotContain("s3cr3t-value").doesNotContain("managed-by");
        assertThat(run("render", "--path", folder.toString(), "--show-secrets")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("password: s3cr3t-value");

        Files.writeString(folder.resolve("broken.yaml"), "kind: ConfigMap\nmetadata: [oops\n");
        assertThat(run("render", "--path", folder.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("broken.yaml");
        assertThat(run("render")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("give either an environment");
    }

    @Test
    void renderOfAnOverlayFolderFollowsItsBaseOutsideTheFolderAsKustomizeBuildDoes() throws Exception {
        Path base = Files.createDirectories(temp.resolve("app/base"));
        Path overlay = Files.createDirectories(temp.resolve("app/overlays/prod"));
        Files.writeString(base.resolve("kustomization.yaml"), "resources: [cm.yaml]\n");
        Files.writeString(base.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
                + "data:\n  mode: slow\n");
        Files.writeString(overlay.resolve("kustomization.yaml"), "resources: [../../base]\nnamePrefix: prod-\n");

        assertThat(run("render", "--path", overlay.toString())).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("name: prod-settings").contains("mode: slow");
        assertThat(RenderCommand.treeRoot(overlay)).isEqualTo(overlay.getRoot());
        Files.createDirectories(temp.resolve("app/.git"));
        assertThat(RenderCommand.treeRoot(overlay)).isEqualTo(temp.resolve("app"));
        assertThat(run("render", "--path", overlay.toString(), "--kube-version", "banana"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--kube-version 'banana' is not a Kubernetes version");
    }

    @Test
    void renderOfAFluxStyleOverlayNeedsLoadRestrictionsNoneAsKustomizeBuildDoes() throws Exception {
        Path shared = Files.createDirectories(temp.resolve("flux/shared"));
        Path overlay = Files.createDirectories(temp.resolve("flux/apps/web"));
        Files.createDirectories(temp.resolve("flux/.git"));
        Files.writeString(shared.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n");
        Files.writeString(overlay.resolve("kustomization.yaml"), "resources: [../../shared/cm.yaml]\nnamePrefix: web-\n");

        assertThat(run("render", "--path", overlay.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("resource file shared/cm.yaml is not in or below 'apps/web'")
                .contains("loadRestrictor: LoadRestrictionsNone");
        assertThat(run("render", "--path", overlay.toString(), "--load-restrictor", "LoadRestrictionsNone"))
                .as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("name: web-shared");
        assertThat(run("render", "--path", overlay.toString(), "--load-restrictor", "none"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("use LoadRestrictionsRootOnly or LoadRestrictionsNone");
    }

    @Test
    void repositoryAndTargetOptionsMayComeBeforeTheSubcommand() {
        CommandLine cli = GitOpsCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("--repo", repo.location(), "--cache-dir", temp.resolve("cache").toString(),
                "--kubeconfig", kubeconfig.toString(), "sync", "development", "--no-wait");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("development @ ").contains("6 created");
    }

    @Test
    void badInputAndUsageExitTwoWithAClearMessage() {
        assertThat(run("sync", "qa")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no environment 'qa' (known: development, staging, production)");

        repo.write("gitops.yaml", repo.read("gitops.yaml").replace("sync: manual", "sync: sometimes"));
        repo.commit("typo");
        assertThat(run("sync", "staging")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("gitops.yaml:").contains("'sometimes' is not one of automatic, manual, approval");

        assertThat(GitOpsCommand.commandLine().setErr(new PrintWriter(err, true)).execute("sync")).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void aRevisionThatIsBothABranchAndATagExitsTwoNamingBothAndWritesNothing() throws Exception {
        pushRef("HEAD", "refs/tags/release");
        repo.write("environments/development/kustomization.yaml", repo.read("environments/development/kustomization.yaml")
                .replace("1.1.0-rc.1", "1.3.0-rc.1"));
        String candidate = repo.commit("1.3.0-rc");
        pushRef("HEAD", "refs/heads/release");
        api.resetRequestCounts();

        assertThat(run("sync", "development", "--revision", "release")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("revision 'release' is ambiguous", "refs/heads/release", "refs/tags/release");
        assertThat(api.requestCounts()).doesNotContainKeys("POST", "PUT", "PATCH", "DELETE");
        assertThat(run("sync", "development", "--revision", "refs/heads/release", "--no-wait")).as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("development @ " + candidate);
    }

    private void pushRef(String commit, String ref) throws Exception {
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(repo.folder().toFile())) {
            git.push().setRemote(repo.location()).setRefSpecs(new org.eclipse.jgit.transport.RefSpec(
                    git.getRepository().resolve(commit).name() + ":" + ref)).call();
        }
    }

    @Test
    void anEnvironmentThatRendersNothingIsRefusedWithExitTwoUnlessAllowEmptyIsGiven() {
        assertThat(run("sync", "development", "--no-wait")).as(err.toString()).isEqualTo(ExitCodes.OK);
        for (String file : java.util.List.of("debug.yaml", "feature-flags.yaml", "kustomization.yaml")) {
            repo.delete("environments/development/" + file);
        }
        repo.write("environments/development/kustomization.yaml.bak", "resources: [../base]\n");
        repo.commit("kustomization renamed by mistake");
        api.resetRequestCounts();

        assertThat(run("sync", "development")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("environment 'development': environments/development renders no object",
                "would delete all", "--allow-empty");
        assertThat(api.requestCounts()).doesNotContainKeys("POST", "PUT", "PATCH", "DELETE");
        assertThat(run("sync", "development", "--allow-empty", "--no-wait")).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(api.client().apps().deployments().inNamespace("docs-dev").list().getItems()).isEmpty();
    }

    @Test
    void rollbackToPreviousWhenEveryRecordRunsTheSameReleaseExitsOneAndWritesNothing() throws Exception {
        assertThat(run("sync", "development", "--no-wait")).as(err.toString()).isEqualTo(ExitCodes.OK);
        repo.write("README.md", "docs platform\n");
        repo.commit("readme");
        assertThat(run("sync", "development", "--no-wait")).as(err.toString()).isEqualTo(ExitCodes.OK);
        String tip = serverTip();
        api.resetRequestCounts();

        assertThat(run("rollback", "development", "--to", "previous")).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("nothing to roll back to, nothing was changed")
                .doesNotContain("Exception");
        assertThat(api.requestCounts()).doesNotContainKeys("POST", "PUT", "PATCH", "DELETE");
        assertThat(serverTip()).isEqualTo(tip);
    }

    private String serverTip() throws Exception {
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(Path.of(repo.location()).toFile())) {
            return git.getRepository().resolve("refs/heads/main").name();
        }
    }

    @Test
    void diffShowsThatAPasswordChangedButNeverItsValueInTextOrJson() throws Exception {
        String mailer = new String(CommandTest.class.getResourceAsStream("/secrets/mailer.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        repo.write("environments/development/mailer.yaml", mailer);
        repo.write("environments/development/kustomization.yaml", repo.read("environments/development/kustomization.yaml")
                .replace("  - feature-flags.yaml\n", "  - feature-flags.yaml\n  - mailer.yaml\n"));
        repo.commit("mailer");
        assertThat(run("sync", "development", "--no-wait")).as(err.toString()).isEqualTo(ExitCodes.OK);
        repo.write("environments/development/mailer.yaml", mailer.replace("Cli-Mail-Pa55-1", "Cli-Mail-Pa55-2"));
        repo.commit("rotate the mail password");

        assertThat(run("diff", "development")).isEqualTo(ExitCodes.DIFFERENCES);
        assertThat(out.toString()).contains("value: <redacted, differs>", "value: <redacted>");
        assertThat(run("diff", "development", "--output", "json")).isEqualTo(ExitCodes.DIFFERENCES);
        JsonNode change = new ObjectMapper().readTree(out.toString()).get("objects").findParents("changes").stream()
                .flatMap(o -> java.util.stream.StreamSupport.stream(o.get("changes").spliterator(), false))
                .filter(c -> c.get("path").asText().endsWith("/env/0/value")).findFirst().orElseThrow();
        assertThat(change.get("live").asText()).isEqualTo("<redacted, differs>");
        assertThat(change.get("desired").asText()).isEqualTo("<redacted>");
        assertThat(out + "\n" + err).doesNotContain("Cli-Mail-Pa55-1", "Cli-Mail-Pa55-2");
    }

    @Test
    void unreachableApiIsAFailureNamingTheServer() throws Exception {
        Files.writeString(kubeconfig, Files.readString(kubeconfig).replace(api.url().replaceAll("/$", ""), "http://127.0.0.1:9"));
        int code = run("sync", "development", "--timeout", "5s");
        assertThat(code).isIn(ExitCodes.FAILED, ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("127.0.0.1:9").doesNotContain("t0ken-never-printed");
    }

    @Test
    void lifecycleCommandsShowHistoryStatusDriftAndRollBack() {
        assertThat(run("sync", "development")).isEqualTo(ExitCodes.OK);
        repo.write("environments/development/kustomization.yaml", repo.read("environments/development/kustomization.yaml")
                .replace("1.1.0-rc.1", "1.1.0"));
        repo.commit("release");
        assertThat(run("drift", "development")).isEqualTo(ExitCodes.DIFFERENCES);
        assertThat(out.toString()).contains("development: DRIFTED").contains("Git is at");
        assertThat(run("sync", "development")).isEqualTo(ExitCodes.OK);

        assertThat(run("history", "development")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("RECORD").contains("sync").contains("succeeded");
        assertThat(run("status", "development")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("lock:          free");

        assertThat(run("rollback", "development", "--mode", "direct")).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(api.client().apps().deployments().inNamespace("docs-dev").withName("docs-platform").get().getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("intelgraph/docs-platform:1.1.0-rc.1");
        assertThat(run("status", "development")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("pinned:");
    }

    @Test
    void metricsPrintsTheFourFiguresWithTheirBandsAsTextAndJson() throws Exception {
        assertThat(run("sync", "development")).isEqualTo(ExitCodes.OK);
        repo.write("environments/development/kustomization.yaml", repo.read("environments/development/kustomization.yaml")
                .replace("1.1.0-rc.1", "1.1.0"));
        repo.commit("release");
        assertThat(run("sync", "development")).isEqualTo(ExitCodes.OK);

        assertThat(run("metrics", "development", "--since", "7d")).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("development  (").contains("deployment frequency")
                .contains("(2 deployments, 2 successful)").contains("lead time for changes  median ")
                .contains("0% (0 of 2 changes)").contains("n/a (nothing restored)").contains("elite");

        assertThat(run("metrics", "development", "--since", "2w", "--output", "json")).isEqualTo(ExitCodes.OK);
        JsonNode figures = new ObjectMapper().readTree(out.toString());
        assertThat(figures).hasSize(1);
        JsonNode dev = figures.get(0);
        assertThat(dev.get("environment").asText()).isEqualTo("development");
        assertThat(dev.get("deployments").asInt()).isEqualTo(2);
        assertThat(dev.get("deploymentsPerDay").asDouble()).isEqualTo(2.0 / 14);
        assertThat(dev.get("deploymentFrequencyBand").asText()).isEqualTo("high");
        assertThat(dev.get("changeFailureRate").asDouble()).isZero();
        assertThat(dev.get("commits").asInt()).isEqualTo(2);
        assertThat(dev.get("timeToRestoreMedianSeconds").isNull()).isTrue();

        assertThat(run("metrics", "development", "--since", "0d")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--since 0d");
        assertThat(run("metrics", "development", "--since", "3x")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run("metrics", "qa")).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
