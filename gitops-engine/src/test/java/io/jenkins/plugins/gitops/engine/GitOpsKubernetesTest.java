package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The facade end to end: a real Git repository, the renderers, and the in-process Kubernetes API. */
@Timeout(120)
class GitOpsKubernetesTest {
    private static final List<String> WRITES = List.of("POST", "PUT", "PATCH", "DELETE");

    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private WorkRepository repo;
    private GitOps gitOps;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void start() {
        api = InProcessKubernetes.start();
        api.startControllerStandIn();
        repo = new WorkRepository(temp.resolve("repo"), "gitops/docs");
        gitOps = GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache"))
                .targets(env -> new KubernetesTarget(api.newClient(), env)).listener(log::add).build();
    }

    @AfterEach
    void stop() {
        gitOps.close();
        repo.close();
        api.close();
    }

    @Test
    void firstSyncCreatesEverythingLabelledAndHealthyThenANoOpSyncWritesNothing() {
        SyncResult first = gitOps.sync(SyncRequest.of("dev"));
        assertThat(first.succeeded()).as(first.message()).isTrue();
        assertThat(first.created()).isEqualTo(6); // namespace + 5 objects
        assertThat(first.health()).isEqualTo("Healthy");
        Deployment web = api.client().apps().deployments().inNamespace("docs-dev").withName("web").get();
        assertThat(web.getMetadata().getLabels()).containsEntry(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
                .containsEntry(Labels.ENVIRONMENT, "dev");

        api.resetRequestCounts();
        SyncResult second = gitOps.sync(SyncRequest.of("dev"));
        assertThat(second.succeeded()).isTrue();
        assertThat(second.unchanged()).isEqualTo(6);
        assertThat(second.created() + second.updated() + second.deleted()).isZero();
        Map<String, Long> counts = api.requestCounts();
        assertThat(counts).doesNotContainKeys(WRITES.toArray(String[]::new));
        // one list per kind: Namespace, Deployment, Service, ConfigMap, Secret
        assertThat(counts.getOrDefault("LIST", 0L)).isLessThanOrEqualTo(5);
    }

    @Test
    void changeInGitIsDiffedUpdatedAndPrunedAndDiffExitsInSyncAfterwards() {
        assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).isTrue();
        repo.write("environments/dev/app.yaml", repo.read("environments/dev/app.yaml").replace("docs/web:1.0.0", "docs/web:1.1.0"));
        repo.delete("environments/dev/flags.yaml");
        repo.commit("release 1.1.0, drop flags");

        SyncResult diff = gitOps.diff(SyncRequest.of("dev"));
        assertThat(diff.inSync()).isFalse();
        assertThat(diff.updated()).isEqualTo(1);
        assertThat(diff.deleted()).isEqualTo(1);
        ObjectResult web = diff.objects().stream().filter(o -> o.name().equals("web") && o.kind().equals("Deployment"))
                .findFirst().orElseThrow();
        assertThat(web.diff()).contains("-          image: docs/web:1.0.0", "+          image: docs/web:1.1.0");
        assertThat(api.client().configMaps().inNamespace("docs-dev").withName("feature-flags").get()).isNotNull();

        SyncResult sync = gitOps.sync(SyncRequest.of("dev"));
        assertThat(sync.succeeded()).isTrue();
        assertThat(api.client().apps().deployments().inNamespace("docs-dev").withName("web").get().getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("docs/web:1.1.0");
        assertThat(api.client().configMaps().inNamespace("docs-dev").withName("feature-flags").get()).isNull();
        assertThat(gitOps.diff(SyncRequest.of("dev")).inSync()).isTrue();
    }

    @Test
    void fieldRemovedFromGitIsRemovedFromTheLiveObject() {
        assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).isTrue();
        repo.write("environments/dev/config.yaml", repo.read("environments/dev/config.yaml")
                .replace("  LOG_LEVEL: info\n", "  LOG_LEVEL: info\n  TRACE: \"on\"\n"));
        repo.commit("add TRACE");
        assertThat(gitOps.sync(SyncRequest.of("dev")).updated()).isEqualTo(1);
        repo.write("environments/dev/config.yaml", repo.read("environments/dev/config.yaml").replace("  TRACE: \"on\"\n", ""));
        repo.commit("drop TRACE");
        assertThat(gitOps.sync(SyncRequest.of("dev")).updated()).isEqualTo(1);
        ConfigMap config = api.client().configMaps().inNamespace("docs-dev").withName("web-config").get();
        assertThat(config.getData()).containsOnlyKeys("LOG_LEVEL");
    }

    @Test
    void brokenImageDegradesWithTheReasonAndHealthyBecomesTheResultOtherwise() {
        repo.write("environments/dev/app.yaml", repo.read("environments/dev/app.yaml").replace("docs/web:1.0.0", "docs/web:broken"));
        repo.commit("bad image");
        SyncResult result = gitOps.sync(SyncRequest.of("dev").withTimeout(Duration.ofSeconds(20)));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("Deployment/docs-dev/web", "Degraded");
    }

    @Test
    void healthWaitTimesOutWhenNoControllerReportsProgress() {
        api.close();
        api = InProcessKubernetes.start(); // no controller stand-in: Deployments never become available
        SyncResult result = gitOps.sync(SyncRequest.of("dev").withTimeout(Duration.ofSeconds(2)));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("not healthy after 2s", "Deployment/docs-dev/web");
    }

    @Test
    void unknownKindIsRefusedBeforeAnyWrite() {
        repo.write("environments/dev/secret-store.yaml", """
                apiVersion: external-secrets.io/v1beta1
                kind: SecretStore
                metadata:
                  name: vault-backend
                spec:
                  provider: {}
                """);
        repo.commit("secret store without its CRD");
        assertThatThrownBy(() -> gitOps.sync(SyncRequest.of("dev"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environments/dev/secret-store.yaml")
                .hasMessageContaining("SecretStore 'vault-backend'");
        assertThat(api.requestCounts()).doesNotContainKeys(WRITES.toArray(String[]::new));
    }

    @Test
    void secretValuesNeverReachResultsDiffsOrLogs() {
        SyncResult created = gitOps.sync(SyncRequest.of("dev"));
        repo.write("environments/dev/config.yaml", repo.read("environments/dev/config.yaml")
                .replace("s3cr3t-Hunter2-value", "n3w-Hunter3-value"));
        repo.commit("rotate");
        SyncResult diff = gitOps.diff(SyncRequest.of("dev"));
        SyncResult sync = gitOps.sync(SyncRequest.of("dev"));
        String history = api.client().configMaps().inNamespace("docs-dev").withName("gitops-history-dev").get().getData()
                .toString();
        String everything = created + "\n" + diff + "\n" + sync + "\n" + String.join("\n", log) + "\n" + history + "\n"
                + gitOps.history("dev") + "\n" + gitOps.metrics().scrape() + "\n" + gitOps.drift("dev", false);
        assertThat(history).contains("update Secret/docs-dev/web-db");
        assertThat(diff.updated()).isEqualTo(1);
        assertThat(everything).doesNotContain("s3cr3t-Hunter2-value", "n3w-Hunter3-value",
                java.util.Base64.getEncoder().encodeToString("s3cr3t-Hunter2-value".getBytes()),
                java.util.Base64.getEncoder().encodeToString("n3w-Hunter3-value".getBytes()));
    }

    @Test
    void aRevisionThatIsBothATagAndABranchIsRefusedBeforeAnyWriteAndTheFullNamesDeploy() {
        String released = repo.tip();
        repo.write("environments/dev/app.yaml", repo.read("environments/dev/app.yaml").replace("docs/web:1.0.0", "docs/web:1.3.0-rc"));
        String candidate = repo.commit("1.3.0-rc");
        repo.tag("release", released);
        repo.branch("release", candidate);

        assertThatThrownBy(() -> gitOps.sync(SyncRequest.of("dev").withRevision("release")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("revision 'release' is ambiguous")
                .hasMessageContaining("refs/heads/release").hasMessageContaining("refs/tags/release");
        assertThat(api.requestCounts()).doesNotContainKeys(WRITES.toArray(String[]::new));

        SyncResult tag = gitOps.sync(SyncRequest.of("dev").withRevision("refs/tags/release"));
        assertThat(tag.revision()).isEqualTo(released);
        assertThat(api.client().apps().deployments().inNamespace("docs-dev").withName("web").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getImage()).isEqualTo("docs/web:1.0.0");
        assertThat(gitOps.sync(SyncRequest.of("dev").withRevision(candidate.substring(0, 10))).revision()).isEqualTo(candidate);
    }

    @Test
    void aFolderThatRendersNothingIsNotPrunedEmptyUnlessAllowed() {
        assertThat(gitOps.sync(SyncRequest.of("dev")).created()).isEqualTo(6);
        for (String file : List.of("app.yaml", "config.yaml", "flags.yaml")) {
            repo.write("environments/dev/" + file + ".bak", repo.read("environments/dev/" + file));
            repo.delete("environments/dev/" + file);
        }
        repo.commit("manifests renamed by mistake");
        api.resetRequestCounts();

        for (SyncRequest request : List.of(SyncRequest.of("dev"), SyncRequest.of("dev").withDryRun(true))) {
            assertThatThrownBy(() -> gitOps.sync(request)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("environment 'dev': environments/dev renders no object")
                    .hasMessageContaining("would delete all 5 live object(s)")
                    .hasMessageContaining("Deployment/docs-dev/web").hasMessageContaining("allowEmpty: true");
        }
        assertThat(api.requestCounts()).doesNotContainKeys(WRITES.toArray(String[]::new));
        assertThat(api.client().apps().deployments().inNamespace("docs-dev").withName("web").get()).isNotNull();

        SyncResult allowed = gitOps.sync(SyncRequest.of("dev").withAllowEmpty(true));
        assertThat(allowed.succeeded()).as(allowed.message()).isTrue();
        assertThat(allowed.deleted()).isEqualTo(5);
        assertThat(api.client().apps().deployments().inNamespace("docs-dev").withName("web").get()).isNull();
        assertThat(api.client().namespaces().withName("docs-dev").get()).as("the namespace the target created stays")
                .isNotNull();
    }

    @Test
    void allowEmptyInGitOpsYamlLetsAnEnvironmentBeEmptied() {
        assertThat(gitOps.sync(SyncRequest.of("dev")).created()).isEqualTo(6);
        repo.write("gitops.yaml", repo.read("gitops.yaml").replace("prune: true", "prune: true\n    allowEmpty: true"));
        for (String file : List.of("app.yaml", "config.yaml", "flags.yaml")) {
            repo.delete("environments/dev/" + file);
        }
        repo.write("environments/dev/README.md", "retired\n");
        repo.commit("retire dev");

        SyncResult result = gitOps.sync(SyncRequest.of("dev"));
        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.deleted()).isEqualTo(5);
        assertThat(gitOps.diff(SyncRequest.of("dev")).inSync()).isTrue();
    }

    @Test
    void badGitOpsYamlAppliesNothing() {
        repo.write("gitops.yaml", repo.read("gitops.yaml").replace("prune: true", "prune: maybe"));
        repo.commit("typo");
        assertThatThrownBy(() -> gitOps.sync(SyncRequest.of("dev"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gitops.yaml:").hasMessageContaining("prune");
        assertThat(api.requestCounts()).isEmpty();
    }
}
