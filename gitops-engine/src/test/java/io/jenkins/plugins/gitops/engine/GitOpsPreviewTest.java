package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.jenkins.plugins.gitops.engine.api.DriftReport;
import io.jenkins.plugins.gitops.engine.api.PreviewInfo;
import io.jenkins.plugins.gitops.engine.api.PreviewRequest;
import io.jenkins.plugins.gitops.engine.api.PreviewResult;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Previews end to end: a real Git repository (fixture gitops/preview), kustomize, the in-process Kubernetes API. */
@Timeout(120)
class GitOpsPreviewTest {
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
        repo = new WorkRepository(temp.resolve("repo"), "gitops/preview");
        gitOps = GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache"))
                .targets(env -> new KubernetesTarget(api.newClient(), env)).listener(log::add).build();
    }

    @AfterEach
    void stop() {
        gitOps.close();
        repo.close();
        api.close();
    }

    private PreviewResult create(String id, String tag) {
        PreviewResult result = gitOps.previewCreate(PreviewRequest.of("development", id).withVariables(Map.of("IMAGE_TAG", tag)));
        assertThat(result.succeeded()).as(result.sync().message()).isTrue();
        return result;
    }

    @Test
    void createRewritesNamespaceHostsAndImageAndReturnsTheUrl() {
        PreviewResult result = create("42", "pr-42-abc123");

        assertThat(result.name()).isEqualTo("development-pr-42");
        assertThat(result.url()).isEqualTo("https://pr-42.preview.example.com/");
        assertThat(result.sync().health()).isEqualTo("Healthy");
        Deployment shop = api.client().apps().deployments().inNamespace("development-pr-42").withName("shop").get();
        assertThat(shop.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("ghcr.io/acme/shop:pr-42-abc123");
        assertThat(shop.getMetadata().getLabels()).containsEntry(Labels.ENVIRONMENT, "development-pr-42")
                .containsEntry(Labels.PREVIEW_OF, "development").containsEntry(Labels.PREVIEW_ID, "42");
        Ingress ingress = api.client().network().v1().ingresses().inNamespace("development-pr-42").withName("shop").get();
        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("pr-42.preview.example.com");
        assertThat(ingress.getSpec().getTls().get(0).getHosts()).containsExactly("pr-42.preview.example.com");
        RoleBinding binding = api.client().rbac().roleBindings().inNamespace("development-pr-42").withName("shop-view").get();
        assertThat(binding.getSubjects().get(0).getNamespace()).isEqualTo("development-pr-42");
        assertThat(api.client().namespaces().withName("development-pr-42").get().getMetadata().getLabels())
                .containsEntry(Labels.PREVIEW_OF, "development");
        assertThat(api.client().namespaces().withName("shop-dev").get()).as("the template is not deployed").isNull();
    }

    @Test
    void listShowsThePreviewAndAReSyncOfTheSameRevisionWritesNothing() {
        create("42", "pr-42-abc123");
        api.resetRequestCounts();
        PreviewResult again = create("42", "pr-42-abc123");
        assertThat(again.sync().created() + again.sync().updated() + again.sync().deleted()).isZero();
        assertThat(api.requestCounts()).doesNotContainKeys(WRITES.toArray(String[]::new));

        List<PreviewInfo> previews = gitOps.previews("development");
        assertThat(previews).hasSize(1);
        PreviewInfo info = previews.get(0);
        assertThat(info.id()).isEqualTo("42");
        assertThat(info.name()).isEqualTo("development-pr-42");
        assertThat(info.url()).isEqualTo("https://pr-42.preview.example.com/");
        assertThat(info.revision()).isEqualTo(repo.tip());
        assertThat(info.health()).isEqualTo("Healthy");
        assertThat(info.lastDeployedAt()).isNotNull();
        assertThat(gitOps.previews(null)).hasSize(1);
    }

    @Test
    void aNewTagUpdatesOnlyTheDeploymentAndIsRecordedInThePreviewsOwnHistory() {
        create("42", "pr-42-abc123");
        PreviewResult second = create("42", "pr-42-def456");
        assertThat(second.sync().updated()).isEqualTo(1);

        List<DeploymentRecord> history = gitOps.previewHistory("development", "42");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).environment()).isEqualTo("development-pr-42");
        assertThat(history.get(0).release()).containsValue("ghcr.io/acme/shop:pr-42-def456");
        assertThat(gitOps.history("development")).isEmpty();
    }

    @Test
    void deleteRemovesEverythingOfThePreviewAndNothingOfTheTemplateOrOtherPreviews() {
        assertThat(gitOps.sync(SyncRequest.of("development")).succeeded()).isTrue();
        create("42", "pr-42-abc123");
        create("43", "pr-43-abc123");

        PreviewResult deleted = gitOps.previewDelete("development", "42");
        assertThat(deleted.succeeded()).as(deleted.sync().message()).isTrue();
        assertThat(deleted.sync().deleted()).isEqualTo(6); // namespace, Deployment, Service, Ingress, ServiceAccount, RoleBinding
        assertThat(api.client().apps().deployments().inNamespace("development-pr-42").withName("shop").get()).isNull();
        assertThat(api.client().namespaces().withName("development-pr-42").get()).isNull();
        assertThat(api.client().apps().deployments().inNamespace("development-pr-43").withName("shop").get()).isNotNull();
        assertThat(api.client().apps().deployments().inNamespace("shop-dev").withName("shop").get()).isNotNull();
        assertThat(gitOps.previews("development")).extracting(PreviewInfo::id).containsExactly("43");
    }

    @Test
    void previewsAreNeitherDriftNorPrunedByTheTemplate() {
        assertThat(gitOps.sync(SyncRequest.of("development")).succeeded()).isTrue();
        create("42", "pr-42-abc123");

        DriftReport drift = gitOps.drift("development", false);
        assertThat(drift.drifted()).as(drift.toString()).isFalse();
        repo.delete("environments/development/ingress.yaml");
        repo.write("environments/development/kustomization.yaml",
                repo.read("environments/development/kustomization.yaml").replace("  - ingress.yaml\n", ""));
        repo.commit("drop the ingress");
        SyncResult template = gitOps.sync(SyncRequest.of("development"));
        assertThat(template.deleted()).isEqualTo(1);
        assertThat(api.client().network().v1().ingresses().inNamespace("shop-dev").withName("shop").get()).isNull();
        assertThat(api.client().network().v1().ingresses().inNamespace("development-pr-42").withName("shop").get())
                .as("the template's prune leaves the preview alone").isNotNull();
    }

    @Test
    void pruneRemovesPreviewsIdlePastTheirTtlOrOlderThanAsked() {
        create("42", "pr-42-abc123");
        Instant now = Instant.now();
        assertThat(gitOps.previewPrune("development", null, now.plus(Duration.ofDays(2)))).isEmpty();
        assertThat(gitOps.previewPrune("development", Duration.ofDays(5), now.plus(Duration.ofDays(4)))).isEmpty();

        List<PreviewResult> expired = gitOps.previewPrune("development", null, now.plus(Duration.ofDays(3).plusMinutes(1)));
        assertThat(expired).extracting(PreviewResult::name).containsExactly("development-pr-42");
        assertThat(api.client().namespaces().withName("development-pr-42").get()).isNull();
        assertThat(gitOps.previews("development")).isEmpty();
    }

    @Test
    void badIdsUnlistedVariablesAndEnvironmentsWithoutPreviewAreRefusedBeforeAnyWrite() {
        api.resetRequestCounts();
        assertThatThrownBy(() -> gitOps.previewCreate(PreviewRequest.of("development", "Feature/X")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("preview id 'Feature/X'");
        assertThatThrownBy(() -> gitOps.previewCreate(PreviewRequest.of("development", "1".repeat(60))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a DNS label");
        assertThatThrownBy(() -> gitOps.previewCreate(PreviewRequest.of("development", "42")
                .withVariables(Map.of("DB_HOST", "x")))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'DB_HOST' may not be overridden; allowed: IMAGE_TAG");
        assertThatThrownBy(() -> gitOps.previewCreate(PreviewRequest.of("development", "42")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("${IMAGE_TAG} is used by preview.images");
        assertThatThrownBy(() -> gitOps.previewCreate(PreviewRequest.of("staging", "42")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'staging' has no preview: section");
        assertThat(api.requestCounts()).doesNotContainKeys(WRITES.toArray(String[]::new));
    }
}
