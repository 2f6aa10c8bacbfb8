package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.api.OperationResult;
import io.jenkins.plugins.gitops.engine.api.PromoteRequest;
import io.jenkins.plugins.gitops.engine.api.RollbackRequest;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.testing.SigningKeys;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import io.jenkins.plugins.gitops.engine.verify.TrustedKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify.signatures through the facade (fixture gitops/signed: dev warns, staging and production require):
 * real Git, commits signed by {@code git commit -S}, the in-process API.
 */
@Timeout(240)
class GitOpsSignedCommitsTest {
    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private WorkRepository repo;
    private SigningKeys keys;
    private Path alice;
    private Path mallory;
    private Path engineKey;
    private TrustedKeys trusted;
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final List<GitOps> facades = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        keys = new SigningKeys(temp);
        api = InProcessKubernetes.start();
        api.startControllerStandIn();
        repo = new WorkRepository(temp.resolve("repo"), "gitops/signed");
        alice = keys.sshKey("alice", "alice@example.test");
        mallory = keys.sshKey("mallory", "mallory@example.test");
        engineKey = keys.sshKey("engine", "gitops-engine@example.test");
        trusted = TrustedKeys.load(List.of(), keys.allowedSigners("allowed_signers",
                Map.of("alice@example.test", alice, "gitops-engine@example.test", engineKey)));
    }

    @AfterEach
    void stop() {
        facades.forEach(GitOps::close);
        repo.close();
        api.close();
        keys.close();
    }

    private GitOps gitOps(Path signingKey) {
        GitOps gitOps = GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache"))
                .targets(env -> new KubernetesTarget(api.newClient(), env)).listener(progress::add)
                .trustedKeys(trusted).signingKey(signingKey).build();
        facades.add(gitOps);
        return gitOps;
    }

    private boolean deployed(String namespace) {
        return api.client().apps().deployments().inNamespace(namespace).withName("web").get() != null;
    }

    private String image(String namespace) {
        return api.client().apps().deployments().inNamespace(namespace).withName("web").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getImage();
    }

    private String aliceCommit(String message) {
        return keys.commitSsh(repo.folder(), repo.remote(), alice, message);
    }

    @Test
    void requiredRefusesUnsignedAndUntrustedCommitsBeforeAnyWrite() {
        GitOps gitOps = gitOps(null);
        String unsigned = repo.tip(); // the fixture's initial commit, made by JGit without a signature
        assertThatThrownBy(() -> gitOps.sync(SyncRequest.of("staging")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the commit to deploy " + unsigned.substring(0, 12) + " of 'staging' is not signed")
                .hasMessageContaining("is not signed (no signature)")
                .hasMessageContaining("verify.signatures: required");
        repo.write("environments/staging/notes.txt", "by mallory\n");
        String byMallory = keys.commitSsh(repo.folder(), repo.remote(), mallory, "untrusted");
        assertThatThrownBy(() -> gitOps.sync(SyncRequest.of("staging")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(byMallory.substring(0, 12) + " of 'staging' is not signed by a trusted key")
                .hasMessageContaining("(signed by SSH key SHA256:")
                .hasMessageContaining("verify.signatures: required");
        assertThat(deployed("shop-staging")).isFalse();
        assertThat(gitOps.history("staging")).isEmpty();
    }

    @Test
    void aTrustedSignatureIsDeployedAndItsSignerRecorded() {
        String signed = aliceCommit("release 1.0.0");
        GitOps gitOps = gitOps(null);
        SyncResult result = gitOps.sync(SyncRequest.of("staging"));
        assertThat(result.succeeded()).isTrue();
        DeploymentRecord record = gitOps.history("staging").get(0);
        assertThat(record.revision()).isEqualTo(signed);
        assertThat(record.signer()).startsWith("alice@example.test (ssh SHA256:");
        assertThat(result.signer()).as("the result carries it for the build page").isEqualTo(record.signer());
        assertThat(gitOps.sync(SyncRequest.of("staging")).signer()).as("a sync that writes nothing too")
                .isEqualTo(record.signer());
        assertThat(progress).anyMatch(p -> p.contains("signature of " + signed.substring(0, 12) + ": verified, alice@example.test"));
    }

    @Test
    void anUnsignedCommitCannotSwitchVerificationOffForItself() {
        aliceCommit("release 1.0.0");
        GitOps gitOps = gitOps(null);
        assertThat(gitOps.sync(SyncRequest.of("staging")).succeeded()).isTrue();
        String before = image("shop-staging");
        String config = repo.read("gitops.yaml");
        repo.write("gitops.yaml", config.replace("defaults:\n  verify: { signatures: required }",
                "defaults:\n  verify: { signatures: off }"));
        repo.write("environments/staging/kustomization.yaml", repo.read("environments/staging/kustomization.yaml")
                .replace("newTag: 1.0.0", "newTag: evil"));
        String unsigned = repo.commit("turn verification off, change the image");

        assertThatThrownBy(() -> gitOps.sync(SyncRequest.of("staging")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the commit to deploy " + unsigned.substring(0, 12) + " of 'staging' is not signed")
                .hasMessageContaining("verify.signatures: required");
        assertThat(progress).anyMatch(p -> p.contains("verify.signatures: off at this revision, but required where")
                && p.contains("a commit cannot weaken the rule it is checked by"));
        assertThat(image("shop-staging")).isEqualTo(before);

        String signedOff = aliceCommit("verification off, signed by a trusted key");
        assertThat(gitOps.sync(SyncRequest.of("staging")).succeeded())
                .as("a trusted commit may weaken the rule: it passed the rule it weakens").isTrue();
        assertThat(gitOps.history("staging").get(0).revision()).isEqualTo(signedOff);
        assertThat(image("shop-staging")).isEqualTo("shop/web:evil");
    }

    @Test
    void warnDeploysAnUnsignedCommitAndSaysSo() {
        GitOps gitOps = gitOps(null);
        assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).isTrue();
        assertThat(deployed("shop-dev")).isTrue();
        assertThat(progress).anyMatch(p -> p.startsWith("  warning: the commit to deploy") && p.contains("is not signed")
                && p.endsWith("(verify.signatures: warn)"));
        assertThat(gitOps.history("dev").get(0).signer()).isEqualTo("[unsigned]");
    }

    @Test
    void promotionNeedsASignedSourceAndSignsItsOwnCommit() throws Exception {
        String before = repo.tip();
        assertThatThrownBy(() -> gitOps(null).promote(PromoteRequest.of("dev", "staging")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("promotion to 'staging' refused: 'staging' has verify.signatures: required")
                .hasMessageContaining("--signing-key");
        GitOps gitOps = gitOps(engineKey);
        gitOps.sync(SyncRequest.of("dev")); // unsigned, allowed by warn
        assertThatThrownBy(() -> gitOps.promote(PromoteRequest.of("dev", "staging")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("of 'staging' is not signed");
        assertThat(repo.tip()).isEqualTo(before);

        String signed = aliceCommit("signed release");
        gitOps.sync(SyncRequest.of("dev"));
        OperationResult result = gitOps.promote(PromoteRequest.of("dev", "staging").withSync(true));

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(image("shop-staging")).isEqualTo("shop/web:1.2.0");
        RevCommit commit = commit(result.commitId());
        assertThat(commit.getRawGpgSignature()).isNotNull();
        assertThat(commit.getParent(0).name()).isEqualTo(signed);
        assertThat(commit.getFullMessage()).contains("source signature: verified, alice@example.test (ssh key SHA256:");
        assertThat(gitOps.history("staging").get(0).signer()).startsWith("gitops-engine@example.test (ssh SHA256:");
    }

    @Test
    void revertRollbackIsSignedByTheEngineOrRefused() throws Exception {
        aliceCommit("release 1.0.0");
        GitOps unsigning = gitOps(null);
        unsigning.sync(SyncRequest.of("staging"));
        repo.write("environments/staging/kustomization.yaml", "resources:\n  - ../base\nimages:\n  - name: shop/web\n"
                + "    newTag: 1.2.0\n");
        String second = aliceCommit("release 1.2.0");
        unsigning.sync(SyncRequest.of("staging"));
        assertThat(image("shop-staging")).isEqualTo("shop/web:1.2.0");

        assertThatThrownBy(() -> unsigning.rollback(RollbackRequest.of("staging")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rollback of 'staging' by a revert commit refused");
        assertThat(repo.tip()).isEqualTo(second);

        OperationResult result = gitOps(engineKey).rollback(RollbackRequest.of("staging"));
        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(image("shop-staging")).isEqualTo("shop/web:1.0.0");
        assertThat(commit(result.commitId()).getRawGpgSignature()).isNotNull();
        assertThat(unsigning.history("staging").get(0).signer()).startsWith("gitops-engine@example.test (ssh");
    }

    @Test
    void anEngineKeyThatIsNotTrustedIsRefusedBeforeThePush() {
        aliceCommit("release");
        GitOps gitOps = gitOps(mallory);
        gitOps.sync(SyncRequest.of("dev"));
        String before = repo.tip();
        assertThatThrownBy(() -> gitOps.promote(PromoteRequest.of("dev", "staging")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the engine's commit for 'staging' would not pass its own check")
                .hasMessageContaining("--signing-key " + mallory);
        assertThat(repo.tip()).isEqualTo(before);
    }

    private RevCommit commit(String id) throws Exception {
        try (Git git = Git.open(Path.of(repo.remote()).toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(id));
            walk.parseBody(commit.getParent(0));
            return commit;
        }
    }
}
