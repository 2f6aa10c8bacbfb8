package io.jenkins.plugins.gitops.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.testing.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits signed by {@code git commit -S} (SSH and OpenPGP keys made by ssh-keygen and gpg), unsigned, signed by an
 * untrusted key, and tampered, checked like {@code git verify-commit} with only the keys the operator gave.
 */
@Timeout(120)
class CommitVerifierTest {
    @TempDir
    Path temp;

    private SigningKeys keys;
    private Path work;
    private String remote;
    private Path alice;
    private Path mallory;
    private Path bob;
    private Path eve;

    @BeforeEach
    void setUp() throws Exception {
        keys = new SigningKeys(temp);
        work = temp.resolve("work");
        Path bare = temp.resolve("server.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        Git.init().setInitialBranch("main").setDirectory(work.toFile()).call().close();
        remote = bare.toString();
        alice = keys.sshKey("alice", "alice@example.test");
        mallory = keys.sshKey("mallory", "mallory@example.test");
        bob = keys.gpgHome("gpg-bob", "Bob <bob@example.test>");
        eve = keys.gpgHome("gpg-eve", "Eve <eve@example.test>");
    }

    @AfterEach
    void tearDown() {
        keys.close();
    }

    private TrustedKeys trusted() {
        return TrustedKeys.load(List.of(keys.exportPublic(bob, "bob.asc")),
                keys.allowedSigners("allowed_signers", Map.of("alice@example.test", alice)));
    }

    private CommitSignature verify(TrustedKeys trusted, String commit) throws Exception {
        try (Repository repo = Git.open(work.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
            return new CommitVerifier(trusted).verify(repo, walk.parseCommit(ObjectId.fromString(commit)));
        }
    }

    private String write(String file, String content) throws Exception {
        Files.writeString(work.resolve(file), content);
        return file;
    }

    @Test
    void sshSignatureOfATrustedKeyIsVerifiedWithItsPrincipal() throws Exception {
        write("a.txt", "one");
        String commit = keys.commitSsh(work, remote, alice, "signed by alice");
        CommitSignature signature = verify(trusted(), commit);
        assertThat(signature.status()).isEqualTo(CommitSignature.Status.VERIFIED);
        assertThat(signature.format()).isEqualTo("ssh");
        assertThat(signature.signer()).isEqualTo("alice@example.test");
        assertThat(signature.fingerprint()).startsWith("SHA256:");
        assertThat(signature.recordValue()).startsWith("alice@example.test (ssh SHA256:");
    }

    @Test
    void openPgpSignatureOfATrustedKeyIsVerifiedWithItsUserId() throws Exception {
        write("a.txt", "two");
        String commit = keys.commitGpg(work, remote, bob, "Bob <bob@example.test>", "signed by bob");
        CommitSignature signature = verify(trusted(), commit);
        assertThat(signature.status()).as(signature.detail()).isEqualTo(CommitSignature.Status.VERIFIED);
        assertThat(signature.format()).isEqualTo("openpgp");
        assertThat(signature.signer()).isEqualTo("Bob <bob@example.test>");
        assertThat(signature.fingerprint()).matches("[0-9A-F]{40}");
    }

    @Test
    void keysGivenAsContentAsJenkinsCredentialsHoldThemVerifyLikeKeyFiles() throws Exception {
        write("a.txt", "content");
        String ssh = keys.commitSsh(work, remote, alice, "signed by alice");
        write("a.txt", "content 2");
        String gpg = keys.commitGpg(work, remote, bob, "Bob <bob@example.test>", "signed by bob");
        byte[] armored = Files.readAllBytes(keys.exportPublic(bob, "bob-content.asc"));
        byte[] signers = Files.readAllBytes(keys.allowedSigners("signers-content", Map.of("alice@example.test", alice)));
        Path dir = temp.resolve("session-keys");

        TrustedKeys fromContent = TrustedKeys.fromContent(armored, "credentials 'pgp'", signers, dir);

        assertThat(verify(fromContent, ssh).signer()).isEqualTo("alice@example.test");
        assertThat(verify(fromContent, gpg).verified()).isTrue();
        assertThat(fromContent.sources()).containsExactly("credentials 'pgp'");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).as("only the allowed_signers copy, which the caller deletes").hasSize(1);
        }
        assertThat(verify(TrustedKeys.fromContent(null, null, signers, temp.resolve("other")), gpg).verified())
                .as("OpenPGP keys not given").isFalse();
    }

    @Test
    void binaryKeyringIsReadLikeAnArmoredOne() throws Exception {
        Path binary = temp.resolve("bob.gpg");
        write("a.txt", "binary");
        String commit = keys.commitGpg(work, remote, bob, "Bob <bob@example.test>", "signed by bob");
        SigningKeys.run(temp, Map.of("GNUPGHOME", bob.toString()), "gpg", "--batch", "--yes", "--output",
                binary.toString(), "--export");
        assertThat(verify(TrustedKeys.load(List.of(binary), null), commit).verified()).isTrue();
    }

    @Test
    void unsignedCommitIsUnsigned() throws Exception {
        write("a.txt", "three");
        String commit = keys.commitUnsigned(work, remote, "not signed");
        CommitSignature signature = verify(trusted(), commit);
        assertThat(signature.status()).isEqualTo(CommitSignature.Status.UNSIGNED);
        assertThat(signature.recordValue()).isEqualTo("[unsigned]");
    }

    @Test
    void keysNotGivenByTheOperatorAreUntrusted() throws Exception {
        write("a.txt", "four");
        String byMallory = keys.commitSsh(work, remote, mallory, "signed by mallory");
        write("a.txt", "five");
        String byEve = keys.commitGpg(work, remote, eve, "Eve <eve@example.test>", "signed by eve");

        CommitSignature ssh = verify(trusted(), byMallory);
        assertThat(ssh.status()).isEqualTo(CommitSignature.Status.UNTRUSTED);
        assertThat(ssh.detail()).contains("not in the trusted allowed_signers file");
        CommitSignature pgp = verify(trusted(), byEve);
        assertThat(pgp.status()).isEqualTo(CommitSignature.Status.UNTRUSTED);
        assertThat(pgp.detail()).contains("not among the trusted keys");
        assertThat(verify(TrustedKeys.NONE, byMallory).status()).isEqualTo(CommitSignature.Status.UNTRUSTED);
    }

    @Test
    void tamperedCommitsAreBad() throws Exception {
        write("a.txt", "six");
        String ssh = keys.commitSsh(work, remote, alice, "deploy 1.0");
        write("a.txt", "seven");
        String pgp = keys.commitGpg(work, remote, bob, "Bob <bob@example.test>", "deploy 1.0");

        for (String signed : List.of(ssh, pgp)) {
            String forged = tamper(signed, "deploy 1.0", "deploy 6.6");
            CommitSignature signature = verify(trusted(), forged);
            assertThat(signature.status()).as(signature.detail()).isEqualTo(CommitSignature.Status.BAD);
            assertThat(signature.signer()).isIn("alice@example.test", "Bob <bob@example.test>", null);
        }
    }

    /** A copy of a signed commit with its message changed and its signature kept, written as a new object. */
    private String tamper(String commit, String from, String to) throws Exception {
        try (Repository repo = Git.open(work.toFile()).getRepository(); ObjectInserter inserter = repo.newObjectInserter()) {
            byte[] raw = repo.open(ObjectId.fromString(commit)).getCachedBytes();
            String text = new String(raw, StandardCharsets.UTF_8);
            assertThat(text).contains("gpgsig ").contains(from);
            ObjectId forged = inserter.insert(Constants.OBJ_COMMIT, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
            inserter.flush();
            return forged.name();
        }
    }

    @Test
    void badKeyFilesAreRefusedNamingTheFile() throws Exception {
        Path junk = Files.writeString(temp.resolve("junk.asc"), "not a key\n");
        assertThatThrownBy(() -> TrustedKeys.load(List.of(junk), null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--trusted-keys " + junk);
        assertThatThrownBy(() -> TrustedKeys.load(List.of(), temp.resolve("missing")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--allowed-signers " + temp.resolve("missing"));
    }

    @Test
    void anAllowedSignersFileThatIsNotOneIsRefusedNamingItsLinesNeverTheirContent() throws Exception {
        String privateKey = Files.readString(alice); // the private key given instead of allowed_signers
        Path wrong = Files.writeString(temp.resolve("id_alice"), privateKey);
        assertThatThrownBy(() -> TrustedKeys.load(List.of(), wrong)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--allowed-signers " + wrong + ": lines 1, 2, 3, 4, 5 and")
                .hasMessageContaining("not an allowed_signers entry")
                .satisfies(e -> privateKey.lines().filter(l -> l.length() > 20)
                        .forEach(l -> assertThat(e.getMessage()).doesNotContain(l)));
        Path typo = Files.writeString(temp.resolve("typo"), "# team\nalice@example.test ssh-ed25519 AAAA-not-base64\n");
        assertThatThrownBy(() -> TrustedKeys.load(List.of(), typo)).hasMessageContaining(": line 2 is not an"
                + " allowed_signers entry");
        Path empty = Files.writeString(temp.resolve("empty"), "# nobody yet\n");
        assertThatThrownBy(() -> TrustedKeys.load(List.of(), empty)).hasMessageContaining("no entry in it");
        assertThatThrownBy(() -> TrustedKeys.fromContent(null, null, "garbage line\n".getBytes(StandardCharsets.UTF_8),
                temp.resolve("work"))).hasMessageContaining("(allowed signers credential): line 1 is not");
        Path good = keys.allowedSigners("good", Map.of("alice@example.test", alice));
        assertThat(TrustedKeys.load(List.of(), good).allowedSigners()).isNotNull();
    }
}
