package io.jenkins.plugins.gitops.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.security.PublicKey;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.Assumptions;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** GitSource over SSH with a private key held in memory, against an sshd server on loopback. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class GitSourceSshTest {
    @TempDir
    Path tmp;
    private RemoteRepo remote;
    private GitSshServer server;
    private KeyPair clientKey;
    private String first;

    @BeforeEach
    void setUp() throws Exception {
        Path repos = Files.createDirectories(tmp.resolve("repos"));
        remote = RemoteRepo.create(repos, "deploy");
        first = remote.commit(Map.of("environments/staging/app.yaml", "image: web:1\n"), "first release");
        clientKey = GitSshServer.rsa();
        server = new GitSshServer(repos, clientKey.getPublic());
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        remote.close();
    }

    private GitSource source(String url, GitCredentials credentials) {
        return new GitSource(url, credentials, tmp.resolve("cache"));
    }

    @Test
    void fetchesAndPushesWithAKeyAndTrustedHostKey() throws Exception {
        GitCredentials key = GitCredentials.sshKey("git", GitSshServer.pem(clientKey), null,
                GitCredentials.HostKeys.trust(server.knownHostsLine()));
        try (GitSource source = source(server.url("deploy"), key)) {
            assertThat(source.resolve(null).commitId()).isEqualTo(first);
            PushResult pushed = source.commitAndPush("main", "promote", new PersonIdent("Bot", "bot@example.com"),
                    tree -> Map.of("environments/production/app.yaml", tree.read("environments/staging/app.yaml")), 2);
            assertThat(remote.tip("main")).isEqualTo(pushed.commitId());
            assertThat(remote.fileAt("main", "environments/production/app.yaml")).isEqualTo("image: web:1\n");
        }
    }

    @Test
    void userNameComesFromTheCredentialWhenTheUrlHasNone() throws Exception {
        String url = server.url("deploy").replace("git@", "");
        GitCredentials key = GitCredentials.sshKey("git", GitSshServer.pem(clientKey), null,
                GitCredentials.HostKeys.ACCEPT_ANY);
        try (GitSource source = source(url, key)) {
            assertThat(source.resolve("main").commitId()).isEqualTo(first);
        }
    }

    @Test
    void unknownHostKeyIsRefused() throws Exception {
        String otherHost = "[127.0.0.1]:" + server.url("x").replaceAll(".*:(\\d+)/.*", "$1") + " "
                + PublicKeyEntry.toString(GitSshServer.rsa().getPublic());
        GitCredentials key = GitCredentials.sshKey("git", GitSshServer.pem(clientKey), null,
                GitCredentials.HostKeys.trust(otherHost));
        try (GitSource source = source(server.url("deploy"), key)) {
            assertThat(catchThrowable(() -> source.resolve("main"))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("host key of " + server.url("deploy").replace("git@", ""))
                    .hasMessageContaining("not trusted");
        }
    }

    @Test
    void wrongKeyIsAnAuthenticationErrorWithoutKeyMaterial() throws Exception {
        String wrongPem = GitSshServer.pem(GitSshServer.rsa());
        GitCredentials key = GitCredentials.sshKey("git", wrongPem, null, GitCredentials.HostKeys.ACCEPT_ANY);
        try (GitSource source = source(server.url("deploy"), key)) {
            Throwable error = catchThrowable(() -> source.resolve("main"));
            assertThat(error).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("authentication failed for ");
            String keyBody = wrongPem.lines().skip(1).findFirst().orElseThrow();
            GitSourceHttpTest.assertNoSecret(error, keyBody);
        }
    }

    @Test
    void unreadableKeyIsReportedWithoutItsContent() {
        String garbage = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> source(server.url("deploy"),
                GitCredentials.sshKey("git", garbage, "pass-phrase-123".toCharArray())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("SSH private key of the credential for 'git' cannot be read")
                .message().doesNotContain("bm90IGEga2V5").doesNotContain("pass-phrase-123");
    }

    @Test
    void missingRepositoryOverSsh() {
        GitCredentials key = GitCredentials.sshKey("git", GitSshServer.pem(clientKey), null,
                GitCredentials.HostKeys.trust(server.knownHostsLine()));
        try (GitSource source = source(server.url("missing"), key)) {
            assertThat(catchThrowable(() -> source.resolve("main"))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("repository not found");
        }
    }

    @Test
    void opensshFormatKeyWithPassphrase() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "ssh-keygen not installed");
        Path keyFile = tmp.resolve("id_ecdsa");
        Process keygen = new ProcessBuilder("/usr/bin/ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "s3cret-phrase",
                "-C", "deploy", "-f", keyFile.toString()).redirectErrorStream(true).start();
        assertThat(keygen.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keygen.exitValue()).isZero();
        String pem = Files.readString(keyFile);
        assertThat(pem).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        PublicKey publicKey = PublicKeyEntry.parsePublicKeyEntry(Files.readString(tmp.resolve("id_ecdsa.pub")).trim())
                .resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
        try (GitSshServer ecdsaServer = new GitSshServer(tmp.resolve("repos"), publicKey);
                GitSource source = source(ecdsaServer.url("deploy"), GitCredentials.sshKey("git", pem,
                        "s3cret-phrase".toCharArray(), GitCredentials.HostKeys.trust(ecdsaServer.knownHostsLine())))) {
            assertThat(source.resolve("main").commitId()).isEqualTo(first);
        }
        assertThatThrownBy(() -> source(server.url("deploy"),
                GitCredentials.sshKey("git", pem, "wrong-phrase".toCharArray())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("passphrase")
                .message().doesNotContain("wrong-phrase");
    }

    @Test
    void knownHostsLinesAreValidated() {
        assertThatThrownBy(() -> GitCredentials.HostKeys.trust(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(GitCredentials.sshKey("git", "k", "secret".toCharArray()).toString())
                .doesNotContain("secret").doesNotContain("k'");
        assertThat(new String(GitSshServer.pem(clientKey).getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN PRIVATE KEY-----");
    }
}
