package io.jenkins.plugins.gitops.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Revision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** GitSource against a real repository reached by its local path (the transport-independent behaviour). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GitSourceTest {
    private static final PersonIdent BOT = new PersonIdent("GitOps Bot", "gitops@example.com");

    @TempDir
    Path tmp;
    private RemoteRepo remote;
    private GitSource source;
    private String first;
    private String second;

    @BeforeEach
    void setUp() throws Exception {
        remote = RemoteRepo.create(tmp, "deploy");
        first = remote.commit(Map.of("gitops.yaml", "environments: {}\n",
                "environments/staging/app.yaml", "replicas: 1\n",
                "environments/production/app.yaml", "replicas: 3\n"), "first release");
        second = remote.commit(Map.of("environments/staging/app.yaml", "replicas: 2\n"), "scale staging");
        source = new GitSource(remote.bare.toString(), GitCredentials.NONE, tmp.resolve("cache"));
    }

    @AfterEach
    void tearDown() {
        source.close();
        remote.close();
    }

    @Test
    void resolvesBranchTagFullAndShortIdAndHead() throws Exception {
        remote.tag("v1.0", first);
        remote.branch("release", first);

        assertThat(source.defaultBranch()).isEqualTo("main");
        Revision head = source.resolve(null);
        assertThat(head.commitId()).isEqualTo(second);
        assertThat(head.requested()).isEqualTo("main");
        assertThat(head.shortMessage()).isEqualTo("scale staging");
        assertThat(head.author()).isEqualTo("Other Engineer <other@example.com>");
        assertThat(source.resolve("HEAD").commitId()).isEqualTo(second);
        assertThat(source.resolve("main").commitId()).isEqualTo(second);
        assertThat(source.resolve("refs/heads/main").commitId()).isEqualTo(second);
        assertThat(source.resolve("release").commitId()).isEqualTo(first);
        assertThat(source.resolve("v1.0").commitId()).as("annotated tag peeled to its commit").isEqualTo(first);
        assertThat(source.resolve(first).commitId()).isEqualTo(first);
        Revision abbreviated = source.resolve(first.substring(0, 8));
        assertThat(abbreviated.commitId()).isEqualTo(first);
        assertThat(abbreviated.requested()).isEqualTo(first.substring(0, 8));
    }

    @Test
    void aNameThatIsBothABranchAndATagIsRefusedNamingBothAndTheFullNamesChoose() throws Exception {
        remote.tag("release", first); // 1.2.0
        remote.branch("release", second); // 1.3.0-rc
        source.refresh();

        assertThatThrownBy(() -> source.resolve("release")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("revision 'release' is ambiguous in " + remote.bare)
                .hasMessageContaining("refs/heads/release (branch at " + second.substring(0, 12) + ")")
                .hasMessageContaining("refs/tags/release (tag at " + first.substring(0, 12) + ")")
                .hasMessageContaining("give refs/heads/release or refs/tags/release to choose one");
        assertThat(source.resolve("refs/heads/release").commitId()).isEqualTo(second);
        assertThat(source.resolve("origin/release").commitId()).isEqualTo(second);
        assertThat(source.resolve("refs/tags/release").commitId()).isEqualTo(first);
        assertThat(source.resolve(first).commitId()).isEqualTo(first);
        assertThat(source.resolve(second.substring(0, 7)).commitId()).isEqualTo(second);
        assertThatThrownBy(() -> source.resolve("refs/tags/nope")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown revision 'refs/tags/nope'");
    }

    @Test
    void aBranchNamedLikeAnAbbreviatedCommitIdIsAmbiguousButTheFullIdIsNot() throws Exception {
        String prefix = first.substring(0, 8);
        remote.branch(prefix, second);
        source.refresh();

        assertThatThrownBy(() -> source.resolve(prefix)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("refs/heads/" + prefix + " (branch at " + second.substring(0, 12) + ")")
                .hasMessageContaining(first + " (commit)");
        assertThat(source.resolve("refs/heads/" + prefix).commitId()).isEqualTo(second);
        assertThat(source.resolve(first).commitId()).isEqualTo(first);
    }

    @Test
    void unknownRevisionNamesRevisionAndRemote() {
        assertThatThrownBy(() -> source.resolve("no-such-branch"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown revision 'no-such-branch'")
                .hasMessageContaining(remote.bare.toString());
        assertThatThrownBy(() -> source.resolve("0123456789abcdef0123456789abcdef01234567"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown revision '0123456789abcdef0123456789abcdef01234567'");
    }

    @Test
    void readsSubFolderAtOldRevision() {
        SourceTree old = source.tree(source.resolve(first));
        assertThat(old.revision()).isEqualTo(first);
        assertThat(old.list("environments")).containsExactly("production", "staging");
        assertThat(old.list("environments/staging")).containsExactly("app.yaml");
        assertThat(old.isDirectory("environments/staging")).isTrue();
        assertThat(old.isFile("environments/staging/app.yaml")).isTrue();
        assertThat(old.isFile("environments/staging")).isFalse();
        assertThat(old.isFile("environments/missing.yaml")).isFalse();
        assertThat(text(old, "environments/staging/app.yaml")).isEqualTo("replicas: 1\n");
        assertThat(text(old, "./environments//staging/../staging/app.yaml")).isEqualTo("replicas: 1\n");
        assertThat(text(source.tree(source.resolve("main")), "environments/staging/app.yaml")).isEqualTo("replicas: 2\n");
        assertThatThrownBy(() -> old.read("environments/staging/nope.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environments/staging/nope.yaml: file not found");
        assertThatThrownBy(() -> old.list("environments/staging/app.yaml"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("folder not found");
        assertThatThrownBy(() -> old.read("../outside.yaml"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("leaves the repository");
    }

    @Test
    void followsSymlinksInsideTheRepositoryAndRefusesOnesThatLeaveIt() throws Exception {
        remote.symlink("environments/qa", "staging");
        remote.symlink("environments/staging/shared.yaml", "../production/app.yaml");
        remote.symlink("environments/escape.yaml", "../../etc/passwd");
        remote.symlink("environments/absolute.yaml", "/etc/passwd");
        source.refresh();
        SourceTree tree = source.tree(source.resolve("main"));

        assertThat(tree.isDirectory("environments/qa")).isTrue();
        assertThat(tree.list("environments/qa")).containsExactly("app.yaml", "shared.yaml");
        assertThat(text(tree, "environments/qa/app.yaml")).isEqualTo("replicas: 2\n");
        assertThat(text(tree, "environments/qa/shared.yaml")).isEqualTo("replicas: 3\n");
        assertThatThrownBy(() -> tree.read("environments/escape.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("symbolic link 'environments/escape.yaml' points outside the repository")
                .hasMessageContaining("../../etc/passwd");
        assertThatThrownBy(() -> tree.isFile("environments/absolute.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("points outside the repository (to '/etc/passwd')");
    }

    @Test
    void refusesFilesOverTheLimit() throws Exception {
        remote.bigFile("environments/staging/huge.yaml", (int) SourceTree.MAX_FILE_BYTES + 1);
        source.refresh();
        SourceTree tree = source.tree(source.resolve("main"));
        assertThat(tree.isFile("environments/staging/huge.yaml")).isTrue();
        assertThatThrownBy(() -> tree.read("environments/staging/huge.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environments/staging/huge.yaml")
                .hasMessageContaining(String.valueOf(SourceTree.MAX_FILE_BYTES + 1))
                .hasMessageContaining("limit of " + SourceTree.MAX_FILE_BYTES);
    }

    @Test
    void incrementalFetchSeesNewCommitsOnlyAfterRefreshAndReusesTheCache() throws Exception {
        assertThat(source.resolve("main").commitId()).isEqualTo(second);
        String third = remote.commit(Map.of("environments/production/app.yaml", "replicas: 4\n"), "scale production");
        assertThat(source.resolve("main").commitId()).as("fetched at most once per instance").isEqualTo(second);
        source.refresh();
        assertThat(source.resolve("main").commitId()).isEqualTo(third);

        try (GitSource again = new GitSource(remote.bare.toString(), GitCredentials.NONE, tmp.resolve("cache"))) {
            assertThat(again.resolve("main").commitId()).isEqualTo(third);
        }
        assertThat(tmp.resolve("cache").toFile().list((d, n) -> !n.endsWith(".lock")))
                .as("one cache folder per remote").hasSize(1);
    }

    @Test
    void concurrentSourcesShareOneCacheSafely() throws Exception {
        String third = remote.commit(Map.of("environments/production/app.yaml", "replicas: 4\n"), "scale production");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    try (GitSource s = new GitSource(remote.bare.toString(), GitCredentials.NONE, tmp.resolve("cache"))) {
                        return s.resolve("main").commitId();
                    }
                }));
            }
            for (Future<String> r : results) {
                assertThat(r.get(30, TimeUnit.SECONDS)).isEqualTo(third);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void brokenCacheFolderIsRecreated() throws Exception {
        Path cache = tmp.resolve("other-cache");
        try (GitSource s = new GitSource(remote.bare.toString(), GitCredentials.NONE, cache)) {
            assertThat(s.resolve("main").commitId()).isEqualTo(second);
        }
        Path folder;
        try (var entries = Files.list(cache)) {
            folder = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Files.delete(folder.resolve("HEAD"));
        try (GitSource s = new GitSource(remote.bare.toString(), GitCredentials.NONE, cache)) {
            assertThat(s.resolve("main").commitId()).isEqualTo(second);
        }
    }

    @Test
    void commitAndPushWritesChangesWithoutWorkTree() throws Exception {
        PushResult result = source.commitAndPush("main", "promote staging to production", BOT, tree -> {
            Map<String, byte[]> changes = new HashMap<>();
            changes.put("environments/production/app.yaml", tree.read("environments/staging/app.yaml"));
            changes.put("environments/production/new/extra.yaml", bytes("kind: ConfigMap\n"));
            changes.put("gitops.yaml", null);
            return changes;
        }, 3);

        assertThat(result.changed()).isTrue();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.changedPaths()).containsExactly("environments/production/app.yaml",
                "environments/production/new/extra.yaml", "gitops.yaml");
        assertThat(remote.tip("main")).isEqualTo(result.commitId());
        assertThat(remote.fileAt("main", "environments/production/app.yaml")).isEqualTo("replicas: 2\n");
        assertThat(remote.fileAt("main", "environments/production/new/extra.yaml")).isEqualTo("kind: ConfigMap\n");
        assertThat(remote.fileAt("main", "gitops.yaml")).isNull();
        assertThat(remote.fileAt("main", "environments/staging/app.yaml")).isEqualTo("replicas: 2\n");
        source.refresh();
        Revision pushed = source.resolve("main");
        assertThat(pushed.shortMessage()).isEqualTo("promote staging to production");
        assertThat(pushed.author()).isEqualTo("GitOps Bot <gitops@example.com>");
    }

    @Test
    void noOpEditPushesNothing() throws Exception {
        PushResult nothing = source.commitAndPush("main", "nothing", BOT, tree -> Map.of(), 3);
        PushResult same = source.commitAndPush("main", "same content", BOT,
                tree -> Map.of("environments/staging/app.yaml", bytes("replicas: 2\n")), 3);

        assertThat(nothing.changed()).isFalse();
        assertThat(same.changed()).isFalse();
        assertThat(same.commitId()).isEqualTo(second);
        assertThat(remote.tip("main")).isEqualTo(second);
        assertThat(remote.commitCount("main")).isEqualTo(2);
    }

    @Test
    void refusesWritesThatBreakTheTree() {
        assertThatThrownBy(() -> source.commitAndPush("main", "bad", BOT,
                tree -> Map.of("environments/staging/app.yaml/child.yaml", bytes("x")), 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'environments/staging/app.yaml' is a file");
        assertThatThrownBy(() -> source.commitAndPush("main", "bad", BOT,
                tree -> Map.of("environments/staging", bytes("x")), 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("it is a folder");
        assertThatThrownBy(() -> source.commitAndPush("nope", "bad", BOT, tree -> Map.of("a", bytes("x")), 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("branch 'nope' does not exist");
    }

    @Test
    void logListsCommitsTouchingAPathNewestFirst() throws Exception {
        String third = remote.commit(Map.of("environments/production/app.yaml", "replicas: 5\n"), "scale production");
        String fourth = remote.commit(Map.of("environments/staging/app.yaml", "replicas: 6\n"), "scale staging again");

        List<Revision> staging = source.log("main", "environments/staging", 10);
        assertThat(staging).extracting(Revision::commitId).containsExactly(fourth, second, first);
        assertThat(source.log("main", "environments/production/app.yaml", 10))
                .extracting(Revision::commitId).containsExactly(third, first);
        assertThat(source.log("HEAD", "environments/staging/app.yaml", 1)).extracting(Revision::commitId)
                .containsExactly(fourth);
        assertThat(source.log(null, "", 2)).extracting(Revision::shortMessage)
                .containsExactly("scale staging again", "scale production");
    }

    private static String text(SourceTree tree, String path) {
        return new String(tree.read(path), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
