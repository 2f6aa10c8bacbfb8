package io.jenkins.plugins.gitops.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.GitOpsException;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submodules of a repository served by JGit's Git HTTP server on loopback behind BASIC authentication:
 * a vendored folder replaced by a submodule holding the same file is read at the recorded commit
 * with the repository's credentials; what cannot be followed is refused naming the submodule.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class GitSourceSubmoduleTest {
    private static final String USER = "deployer";
    private static final String PASSWORD = "c0rrect-h0rse";
    private static final String VENDORED = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: vendor-settings\ndata:\n  version: \"1\"\n";

    @TempDir
    Path tmp;
    private RemoteRepo deploy;
    private RemoteRepo vendor;
    private GitHttpServer server;
    private String recorded;

    @BeforeEach
    void setUp() throws Exception {
        Path repos = Files.createDirectories(tmp.resolve("repos"));
        deploy = RemoteRepo.create(repos, "deploy");
        vendor = RemoteRepo.create(repos, "vendor");
        deploy.commit(Map.of("environments/dev/app.yaml", "kind: ConfigMap\n",
                "environments/dev/vendor/settings.yaml", VENDORED), "vendored settings");
        recorded = vendor.commit(Map.of("settings.yaml", VENDORED), "settings 1");
        vendor.commit(Map.of("settings.yaml", VENDORED.replace("\"1\"", "\"2\"")), "settings 2, not recorded");
        server = new GitHttpServer(repos, USER, PASSWORD);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        deploy.close();
        vendor.close();
    }

    private GitSource source() {
        return new GitSource(server.url("deploy"), GitCredentials.usernamePassword(USER, PASSWORD.toCharArray()),
                tmp.resolve("cache"));
    }

    private SourceTree head(GitSource source) {
        return source.tree(source.resolve(null));
    }

    @Test
    void aSubmoduleWithARelativeUrlIsReadAtTheRecordedCommitWithTheRepositorysCredentials() throws Exception {
        deploy.submodule("environments/dev/vendor", "../vendor.git", recorded);
        try (GitSource source = source()) {
            SourceTree tree = head(source);
            assertThat(tree.list("environments/dev")).containsExactly("app.yaml", "vendor");
            assertThat(tree.isDirectory("environments/dev/vendor")).isTrue();
            assertThat(tree.list("environments/dev/vendor")).containsExactly("settings.yaml");
            assertThat(tree.isFile("environments/dev/vendor/settings.yaml")).isTrue();
            assertThat(new String(tree.read("environments/dev/vendor/settings.yaml"), StandardCharsets.UTF_8))
                    .as("the recorded commit, not the submodule's newest").isEqualTo(VENDORED);
            assertThatThrownBy(() -> tree.read("environments/dev/vendor/missing.yaml"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("environments/dev/vendor/missing.yaml: file not found in " + server.url("vendor"));
        }
    }

    @Test
    void anAbsoluteUrlOnTheSameHostWorksToo() throws Exception {
        deploy.submodule("environments/dev/vendor", server.url("vendor"), recorded);
        try (GitSource source = source()) {
            assertThat(head(source).isFile("environments/dev/vendor/settings.yaml")).isTrue();
        }
    }

    @Test
    void aRecordedCommitTheSubmoduleDoesNotHaveIsRefusedNamingTheSubmodule() throws Exception {
        String unpushed = "0123456789abcdef0123456789abcdef01234567";
        deploy.submodule("environments/dev/vendor", "../vendor.git", unpushed);
        try (GitSource source = source()) {
            SourceTree tree = head(source);
            assertThatThrownBy(() -> tree.list("environments/dev/vendor")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("submodule 'environments/dev/vendor' (commit 0123456789ab) of " + server.url("deploy"))
                    .hasMessageContaining("commit " + unpushed + " is not on any branch or tag of " + server.url("vendor"));
        }
    }

    @Test
    void localUrlsAreRefusedAsGitRefusesThem() throws Exception {
        deploy.submodule("environments/dev/vendor", vendor.bare.toString(), recorded);
        try (GitSource source = source()) {
            assertThatThrownBy(() -> head(source).isDirectory("environments/dev/vendor"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("submodule 'environments/dev/vendor'")
                    .hasMessageContaining("is a local path or an unsupported transport");
        }
    }

    @Test
    void aGitlinkWithoutGitmodulesEntryIsRefused() throws Exception {
        deploy.gitlink("environments/dev/vendor", recorded, "[submodule \"other\"]\n\tpath = other\n\turl = ../other.git\n");
        try (GitSource source = source()) {
            assertThatThrownBy(() -> head(source).isDirectory("environments/dev/vendor"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("submodule 'environments/dev/vendor'")
                    .hasMessageContaining(".gitmodules has no submodule with path 'environments/dev/vendor'");
        }
    }

    @Test
    void credentialsAreNotSentToAnotherHost() throws Exception {
        deploy.submodule("environments/dev/vendor", server.url("vendor").replace("127.0.0.1", "localhost"), recorded);
        try (GitSource source = source()) {
            assertThatThrownBy(() -> head(source).isDirectory("environments/dev/vendor"))
                    .isInstanceOf(GitOpsException.class)
                    .hasMessageContaining("submodule 'environments/dev/vendor'")
                    .hasMessageContaining("the repository's credentials are not sent to localhost")
                    .hasMessageNotContaining(PASSWORD);
        }
    }
}
