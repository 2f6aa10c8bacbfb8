package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.TrackingId;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two repositories that both have an environment named production, on one cluster (the in-process
 * API): each owns what it created, prunes only that, and neither overwrites the other's objects.
 */
@Timeout(180)
class OwnershipTest {
    private static final List<String> WRITES = List.of("POST", "PUT", "PATCH", "DELETE");

    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private WorkRepository teamA;
    private WorkRepository teamB;
    private GitOps a;
    private GitOps b;

    @BeforeEach
    void start() {
        api = InProcessKubernetes.start();
        teamA = new WorkRepository(temp.resolve("team-a"), "gitops/team-a");
        teamB = new WorkRepository(temp.resolve("team-b"), "gitops/team-b");
        a = facade(teamA, "a");
        b = facade(teamB, "b");
    }

    private GitOps facade(WorkRepository repo, String name) {
        return GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache-" + name))
                .targets(env -> new KubernetesTarget(api.newClient(), env)).build();
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        teamA.close();
        teamB.close();
        api.close();
    }

    @Test
    void everyObjectRecordsItsRepositoryAndEnvironment() {
        sync(a);
        HasMetadata role = api.client().rbac().clusterRoles().withName("team-a-reader").get();
        TrackingId owner = new TrackingId(TrackingId.repositoryId(teamA.remote()), "production");
        assertThat(role.getMetadata().getLabels()).containsEntry(Labels.OWNER, owner.label())
                .containsEntry(Labels.ENVIRONMENT, "production");
        assertThat(role.getMetadata().getAnnotations()).containsEntry(Labels.TRACKING_ID,
                TrackingId.repositoryId(teamA.remote()) + "#production");
        assertThat(owner.label()).hasSize(24).isNotEqualTo(
                new TrackingId(TrackingId.repositoryId(teamB.remote()), "production").label());
    }

    @Test
    void twoRepositoriesWithAnEnvironmentOfTheSameNameNeverPruneOrReportEachOthersObjects() {
        sync(a);
        sync(b);
        assertThat(api.client().namespaces().withName("team-a-prod").get()).isNotNull();
        assertThat(api.client().rbac().clusterRoles().withName("team-a-reader").get()).isNotNull();

        teamB.delete("environments/production/rbac.yaml");
        teamB.commit("team b drops its reader role");
        SyncResult pruned = sync(b);
        assertThat(pruned.deleted()).isEqualTo(1);
        assertThat(pruned.objects()).filteredOn(o -> o.action().equals("delete")).extracting(o -> o.id())
                .containsExactly("ClusterRole/team-b-reader");
        assertThat(api.client().rbac().clusterRoles().withName("team-b-reader").get()).isNull();
        assertThat(api.client().rbac().clusterRoles().withName("team-a-reader").get()).isNotNull();
        assertThat(api.client().namespaces().withName("team-a-prod").get()).isNotNull();
        assertThat(b.drift("production", false).driftedObjects()).isZero();
        assertThat(a.drift("production", false).driftedObjects()).isZero();
        assertThat(b.history("production")).hasSize(2);
    }

    @Test
    void anObjectOwnedByAnotherRepositoryIsRefusedBeforeAnyWriteUnlessTheEnvironmentTakesOwnership() {
        teamA.write("environments/production/metrics-reader.yaml", teamA.read("extras/metrics-reader.yaml"));
        teamA.commit("team a: metrics reader");
        sync(a);
        sync(b);
        teamB.write("environments/production/metrics-reader.yaml", teamB.read("extras/metrics-reader.yaml"));
        teamB.commit("team b: metrics reader too");
        api.resetRequestCounts();

        assertThatThrownBy(() -> b.sync(SyncRequest.of("production"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environments/production/metrics-reader.yaml: ClusterRole 'metrics-reader' exists"
                        + " and is owned by environment 'production' of repository " + TrackingId.repositoryId(teamA.remote()))
                .hasMessageContaining("takeOwnership: true");
        assertThat(api.requestCounts()).doesNotContainKeys(WRITES.toArray(String[]::new));

        teamB.write("gitops.yaml", teamB.read("gitops.yaml").replace("prune: true", "prune: true\n    takeOwnership: true"));
        teamB.commit("team b takes the metrics reader over");
        assertThat(sync(b).updated()).isEqualTo(1);
        assertThat(api.client().rbac().clusterRoles().withName("metrics-reader").get().getMetadata().getAnnotations())
                .containsEntry(Labels.TRACKING_ID, TrackingId.repositoryId(teamB.remote()) + "#production");
        // team a has lost it: its next sync is refused, and its prune never deletes it
        assertThatThrownBy(() -> a.sync(SyncRequest.of("production"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("owned by environment 'production' of repository " + TrackingId.repositoryId(teamB.remote()));
        teamA.delete("environments/production/metrics-reader.yaml");
        teamA.commit("team a gives it up");
        assertThat(sync(a).deleted()).isZero();
        assertThat(api.client().rbac().clusterRoles().withName("metrics-reader").get()).isNotNull();
    }

    @Test
    void objectsLabelledBeforeOwnersExistedAreAdoptedByTheNextSyncWithOnePatchEach() {
        sync(a);
        sync(b);
        forgetOwners(); // as an earlier version left them: managed-by and environment labels only

        teamB.delete("environments/production/rbac.yaml");
        teamB.commit("team b drops its reader role");
        SyncResult adopted = sync(b);
        assertThat(adopted.created()).isZero();
        assertThat(adopted.updated()).as("Namespace and ConfigMap get owner label and tracking id, once").isEqualTo(2);
        assertThat(adopted.deleted()).as("a cluster-scoped object without owner may be another repository's").isZero();
        assertThat(adopted.warnings()).anySatisfy(w -> assertThat(w).contains("ClusterRole/team-b-reader",
                "records no owner", "not pruned"));
        assertThat(api.client().rbac().clusterRoles().withName("team-a-reader").get()).isNotNull();
        assertThat(api.client().namespaces().withName("team-a-prod").get()).isNotNull();

        api.resetRequestCounts();
        SyncResult again = sync(b);
        assertThat(again.updated() + again.created() + again.deleted()).isZero();
        assertThat(api.requestCounts()).doesNotContainKeys(WRITES.toArray(String[]::new));

        teamA.delete("environments/production/config.yaml");
        teamA.commit("team a drops its settings");
        SyncResult legacyNamespaced = sync(a);
        assertThat(legacyNamespaced.objects()).filteredOn(o -> o.action().equals("delete")).extracting(o -> o.id())
                .as("namespaced objects in the environment's own namespace are its own").containsExactly(
                        "ConfigMap/team-a-prod/settings");
    }

    private void forgetOwners() {
        var client = api.client();
        for (String ns : List.of("team-a-prod", "team-b-prod")) {
            client.namespaces().withName(ns).edit(n -> strip(n));
            client.configMaps().inNamespace(ns).withName("settings").edit(c -> strip(c));
        }
        for (String role : List.of("team-a-reader", "team-b-reader")) {
            client.rbac().clusterRoles().withName(role).edit(r -> strip(r));
        }
    }

    private static <T extends HasMetadata> T strip(T object) {
        object.getMetadata().getLabels().remove(Labels.OWNER);
        object.getMetadata().getAnnotations().remove(Labels.TRACKING_ID);
        return object;
    }

    private static SyncResult sync(GitOps gitOps) {
        SyncResult result = gitOps.sync(SyncRequest.of("production"));
        assertThat(result.succeeded()).as(result.message()).isTrue();
        return result;
    }
}
