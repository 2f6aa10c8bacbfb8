package io.jenkins.plugins.gitops.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade on a repository served over HTTP with credentials whose environment folder holds a
 * submodule (the in-process Kubernetes API as target): the submodule's objects are deployed, and one
 * that cannot be fetched refuses the sync before anything is written.
 */
@Timeout(120)
class SubmoduleSyncTest {
    private static final String USER = "deployer";
    private static final String PASSWORD = "c0rrect-h0rse";

    @TempDir
    Path tmp;
    private RemoteRepo deploy;
    private RemoteRepo vendor;
    private GitHttpServer server;
    private InProcessKubernetes api;
    private GitOps gitOps;
    private String vendorCommit;

    @BeforeEach
    void setUp() throws Exception {
        Path repos = Files.createDirectories(tmp.resolve("repos"));
        deploy = RemoteRepo.create(repos, "deploy");
        vendor = RemoteRepo.create(repos, "vendor");
        deploy.commit(files("deploy"), "vendored settings");
        vendorCommit = vendor.commit(files("vendor"), "settings 1");
        server = new GitHttpServer(repos, USER, PASSWORD);
        api = InProcessKubernetes.start();
        gitOps = GitOps.builder().repository(server.url("deploy"))
                .credentials(GitCredentials.usernamePassword(USER, PASSWORD.toCharArray())).cacheDir(tmp.resolve("cache"))
                .targets(env -> new KubernetesTarget(api.newClient(), env)).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        gitOps.close();
        api.close();
        server.close();
        deploy.close();
        vendor.close();
    }

    @Test
    void aVendoredFolderReplacedByASubmoduleKeepsItsObjects() throws Exception {
        assertThat(sync().created()).isEqualTo(3); // namespace, app-settings, vendor-settings
        deploy.submodule("environments/dev/vendor", "../vendor.git", vendorCommit);

        SyncResult result = sync();
        assertThat(result.deleted()).as("nothing of the submodule is pruned").isZero();
        assertThat(result.unchanged()).isEqualTo(3);
        assertThat(api.client().configMaps().inNamespace("shop-dev").withName("vendor-settings").get()).isNotNull();
        assertThat(gitOps.diff(SyncRequest.of("dev")).inSync()).isTrue();
    }

    @Test
    void aSubmoduleThatCannotBeFetchedRefusesTheSyncBeforeAnyWrite() throws Exception {
        sync();
        deploy.submodule("environments/dev/vendor", "../vendor.git", "0123456789abcdef0123456789abcdef01234567");
        api.resetRequestCounts();

        assertThatThrownBy(() -> gitOps.sync(SyncRequest.of("dev"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("submodule 'environments/dev/vendor'")
                .hasMessageContaining("is not on any branch or tag of " + server.url("vendor"));
        assertThat(api.requestCounts()).doesNotContainKeys("POST", "PUT", "PATCH", "DELETE");
        assertThat(api.client().configMaps().inNamespace("shop-dev").withName("vendor-settings").get()).isNotNull();
    }

    private SyncResult sync() {
        SyncResult result = gitOps.sync(SyncRequest.of("dev"));
        assertThat(result.succeeded()).as(result.message()).isTrue();
        return result;
    }

    /** The files of a fixture folder as repository path to content. */
    private static Map<String, String> files(String name) throws IOException, URISyntaxException {
        Path root = Path.of(SubmoduleSyncTest.class.getResource("/gitops/submodule/" + name).toURI());
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return files;
    }
}
