package io.jenkins.plugins.gitops.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** GitSource against JGit's Git HTTP server in Jetty on loopback, behind BASIC authentication. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class GitSourceHttpTest {
    private static final String USER = "deployer";
    private static final String PASSWORD = "c0rrect-h0rse";
    private static final String WRONG_PASSWORD = "Wr0ng-S3cret-Value";
    private static final PersonIdent BOT = new PersonIdent("GitOps Bot", "gitops@example.com");

    @TempDir
    Path tmp;
    private RemoteRepo remote;
    private GitHttpServer server;
    private Path cache;
    private String first;

    @BeforeEach
    void setUp() throws Exception {
        Path repos = Files.createDirectories(tmp.resolve("repos"));
        remote = RemoteRepo.create(repos, "deploy");
        first = remote.commit(Map.of("environments/staging/app.yaml", "image: web:1\n",
                "environments/production/app.yaml", "image: web:0\n"), "first release");
        server = new GitHttpServer(repos, USER, PASSWORD);
        cache = tmp.resolve("cache");
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        remote.close();
    }

    private GitSource source(GitCredentials credentials) {
        return new GitSource(server.url("deploy"), credentials, cache);
    }

    private static GitCredentials good() {
        return GitCredentials.usernamePassword(USER, PASSWORD.toCharArray());
    }

    @Test
    void clonesOnceThenFetchesIncrementallyIntoTheSameCache() throws Exception {
        try (GitSource source = source(good())) {
            assertThat(source.resolve(null).commitId()).isEqualTo(first);
            assertThat(source.defaultBranch()).isEqualTo("main");
        }
        List<Path> cacheFolders = cacheFolders();
        assertThat(cacheFolders).hasSize(1);
        String second = remote.commit(Map.of("environments/staging/app.yaml", "image: web:2\n"), "release 2");

        try (GitSource source = source(good())) {
            assertThat(source.resolve("main").commitId()).isEqualTo(second);
            assertThat(new String(source.tree(source.resolve(first)).read("environments/staging/app.yaml"),
                    StandardCharsets.UTF_8)).isEqualTo("image: web:1\n");
        }
        assertThat(cacheFolders()).isEqualTo(cacheFolders);
        assertThat(Files.readString(cacheFolders.get(0).resolve("config")))
                .as("nothing secret is written to the cache").doesNotContain(PASSWORD).doesNotContain(USER);
    }

    @Test
    void wrongPasswordIsAnAuthenticationErrorWithoutThePassword() {
        String url = server.url("deploy");
        Throwable error;
        try (GitSource source = source(GitCredentials.usernamePassword(USER, WRONG_PASSWORD.toCharArray()))) {
            error = catchThrowable(() -> source.resolve("main"));
        }
        assertThat(error).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("authentication failed for " + url
                        + ": check the credentials id / username and password");
        assertNoSecret(error, WRONG_PASSWORD);

        try (GitSource source = source(GitCredentials.NONE)) {
            assertThat(catchThrowable(() -> source.resolve("main"))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("authentication failed for " + url);
        }
    }

    @Test
    void passwordInTheUrlNeverAppearsInMessages() {
        String url = server.url("deploy").replace("http://", "http://" + USER + ":" + WRONG_PASSWORD + "@");
        Throwable error;
        try (GitSource source = new GitSource(url, GitCredentials.NONE, cache)) {
            error = catchThrowable(() -> source.resolve("main"));
        }
        assertThat(error).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("authentication failed for " + server.url("deploy"));
        assertNoSecret(error, WRONG_PASSWORD);
        String goodUrl = server.url("deploy").replace("http://", "http://" + USER + ":" + PASSWORD + "@");
        try (GitSource source = new GitSource(goodUrl, GitCredentials.NONE, cache)) {
            assertThat(source.resolve("main").commitId()).isEqualTo(first);
        }
        assertThat(GitSource.redact("fetch https://user:tok3n@example.com/r.git and ssh://git@h/r"))
                .isEqualTo("fetch https://example.com/r.git and ssh://h/r");
    }

    @Test
    void unreachableRemoteSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/git/deploy.git";
        try (GitSource source = new GitSource(url, good(), cache)) {
            Throwable error = catchThrowable(() -> source.resolve("main"));
            assertThat(error).isInstanceOf(OperationFailedException.class)
                    .hasMessageContaining("cannot reach " + url);
            assertNoSecret(error, PASSWORD);
        }
    }

    @Test
    void missingRepositoryIsReported() {
        try (GitSource source = new GitSource(server.url("nope"), good(), cache)) {
            assertThat(catchThrowable(() -> source.resolve("main"))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("repository not found: " + server.url("nope"));
        }
    }

    @Test
    void commitAndPushOverHttp() throws Exception {
        try (GitSource source = source(good())) {
            PushResult result = source.commitAndPush("main", "promote", BOT,
                    tree -> Map.of("environments/production/app.yaml", tree.read("environments/staging/app.yaml")), 3);
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(result.changedPaths()).containsExactly("environments/production/app.yaml");
            assertThat(remote.tip("main")).isEqualTo(result.commitId());
            assertThat(remote.fileAt("main", "environments/production/app.yaml")).isEqualTo("image: web:1\n");
        }
    }

    @Test
    void pushRacingAnotherPushIsRetriedOnTheNewTip() throws Exception {
        AtomicInteger edits = new AtomicInteger();
        List<String> tipsSeen = new ArrayList<>();
        try (GitSource source = source(good())) {
            PushResult result = source.commitAndPush("main", "promote", BOT, tree -> {
                tipsSeen.add(tree.revision());
                if (edits.incrementAndGet() == 1) {
                    pushFromElsewhere(Map.of("environments/staging/app.yaml", "image: web:9\n"));
                }
                return Map.of("environments/production/app.yaml", "image: web:1\n".getBytes(StandardCharsets.UTF_8));
            }, 3);

            assertThat(result.attempts()).isEqualTo(2);
            assertThat(tipsSeen).hasSize(2).doesNotHaveDuplicates().startsWith(first);
            assertThat(remote.tip("main")).isEqualTo(result.commitId());
            assertThat(remote.fileAt("main", "environments/staging/app.yaml")).isEqualTo("image: web:9\n");
            assertThat(remote.fileAt("main", "environments/production/app.yaml")).isEqualTo("image: web:1\n");
            assertThat(remote.commitCount("main")).isEqualTo(3);
        }
    }

    @Test
    void givesUpAfterMaxAttemptsWithoutForcing() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (GitSource source = source(good())) {
            Throwable error = catchThrowable(() -> source.commitAndPush("main", "promote", BOT, tree -> {
                pushFromElsewhere(Map.of("other.txt", "change " + n.incrementAndGet() + "\n"));
                return Map.of("environments/production/app.yaml", "image: web:1\n".getBytes(StandardCharsets.UTF_8));
            }, 2));
            assertThat(error).isInstanceOf(OperationFailedException.class)
                    .hasMessageContaining("rejected 2 times because others pushed");
        }
        assertThat(remote.fileAt("main", "other.txt")).isEqualTo("change 2\n");
        assertThat(remote.fileAt("main", "environments/production/app.yaml")).isEqualTo("image: web:0\n");
    }

    @Test
    void refusedPushFailsClearlyAndARerunWorks() throws Exception {
        server.onPush(rejectAll("branch main is protected"));
        try (GitSource source = source(good())) {
            Throwable error = catchThrowable(() -> source.commitAndPush("main", "promote", BOT,
                    tree -> Map.of("environments/production/app.yaml", "image: web:1\n".getBytes(StandardCharsets.UTF_8)), 3));
            assertThat(error).isInstanceOf(OperationFailedException.class)
                    .hasMessageContaining("was refused by the server")
                    .hasMessageContaining("branch main is protected");
        }
        assertThat(remote.tip("main")).isEqualTo(first);

        server.onPush((rp, commands) -> {
            throw new IllegalStateException("disk full");
        });
        try (GitSource source = source(good())) {
            Throwable error = catchThrowable(() -> source.commitAndPush("main", "promote", BOT,
                    tree -> Map.of("environments/production/app.yaml", "image: web:1\n".getBytes(StandardCharsets.UTF_8)), 3));
            assertThat(error).isInstanceOf(OperationFailedException.class).hasMessageContaining(server.url("deploy"));
            assertNoSecret(error, PASSWORD);
        }
        assertThat(remote.tip("main")).isEqualTo(first);

        server.onPush(PreReceiveHook.NULL);
        try (GitSource source = source(good())) {
            PushResult result = source.commitAndPush("main", "promote", BOT,
                    tree -> Map.of("environments/production/app.yaml", "image: web:1\n".getBytes(StandardCharsets.UTF_8)), 3);
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(remote.tip("main")).isEqualTo(result.commitId());
            assertThat(remote.commitCount("main")).isEqualTo(2);
        }
    }

    private static PreReceiveHook rejectAll(String reason) {
        return (rp, commands) -> commands.forEach(c -> c.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, reason));
    }

    private void pushFromElsewhere(Map<String, String> files) {
        try {
            remote.commit(files, "someone else's change");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> cacheFolders() throws Exception {
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }

    static void assertNoSecret(Throwable error, String secret) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
            assertThat(t.toString()).doesNotContain(secret);
            for (Throwable s : t.getSuppressed()) {
                assertThat(String.valueOf(s.getMessage())).doesNotContain(secret);
            }
        }
    }
}
