package io.jenkins.plugins.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code verify.signatures: required} in Jenkins: the allowed signers come from a global credential named in
 * the GitOps configuration; a commit signed by {@code git commit -S} with an SSH key deploys and its signer is
 * on the build page; without the credential the sync is refused and nothing is written.
 */
@WithJenkins
@Timeout(300)
class SignedCommitsStepTest {
    @TempDir
    Path dir;
    private InProcessKubernetes api;
    private Path repository;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(run(dir, "git", "--version") == 0 && run(dir, "ssh-keygen", "-V") != 127, "git and ssh-keygen are needed");
        api = InProcessKubernetes.start();
        repository = GitOpsFixture.gitRepository(dir);
        Path key = dir.resolve("release_key");
        assertThat(run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "release@example.test", "-f",
                key.toString())).isZero();
        Path work = repository.resolveSibling("work");
        Path config = work.resolve("gitops.yaml");
        Files.writeString(config, Files.readString(config).replace("    sync: automatic\n",
                "    sync: automatic\n    verify: { signatures: required }\n"));
        assertThat(run(work, "git", "add", "gitops.yaml")).isZero();
        assertThat(run(work, "git", "-c", "user.name=Release", "-c", "user.email=release@example.test", "-c",
                "gpg.format=ssh", "-c", "user.signingkey=" + key, "commit", "-q", "-S", "-m", "development verifies")).isZero();
        assertThat(run(work, "git", "push", "-q", "origin", "main")).isZero();
        String[] pub = Files.readString(Path.of(key + ".pub")).trim().split(" ");
        Files.writeString(dir.resolve("allowed_signers"), "release@example.test namespaces=\"git\" " + pub[0] + " " + pub[1] + "\n");
    }

    @AfterEach
    void tearDown() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aTrustedSignatureDeploysAndItsSignerIsOnTheBuildPage(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);
        SystemCredentialsProvider.getInstance().getCredentials().add(new FileCredentialsImpl(CredentialsScope.SYSTEM,
                "allowed-signers", "trusted SSH signers", "allowed_signers",
                SecretBytes.fromBytes(Files.readAllBytes(dir.resolve("allowed_signers")))));
        SystemCredentialsProvider.getInstance().save();
        GitOpsConfiguration.get().setAllowedSignersCredentialsId("allowed-signers");

        WorkflowRun run = r.buildAndAssertSuccess(job(r));

        r.assertLogContains("verified, release@example.test", run);
        DeploymentEntry entry = run.getAction(DeploymentAction.class).getEntries().get(0);
        assertThat(entry.getSigner()).startsWith("release@example.test (ssh SHA256:");
        assertThat(r.createWebClient().getPage(run, "gitops").asNormalizedText()).contains("Signed by")
                .contains("release@example.test (ssh SHA256:");
        assertThat(api.client().configMaps().inNamespace("docs-dev").withName("docs-config").get()).isNotNull();
        try (var keys = Files.list(r.jenkins.getRootDir().toPath().resolve("caches/gitops-keys"))) {
            assertThat(keys.toList()).as("the session's key files are deleted after it").isEmpty();
        }
    }

    @Test
    void withoutTrustedKeysARequiredEnvironmentRefusesTheSync(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job(r));

        r.assertLogContains("verify.signatures: required", run);
        assertThat(api.client().configMaps().inNamespace("docs-dev").withName("docs-config").get()).isNull();
    }

    private static WorkflowJob job(JenkinsRule r) throws IOException {
        return GitOpsFixture.pipeline(r, "deploy-signed", "gitopsSync environment: 'development'");
    }

    private static int run(Path directory, String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return 127;
        }
    }
}
