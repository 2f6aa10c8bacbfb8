package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmConnection;
import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmTarget;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.TrackingId;
import io.jenkins.plugins.gitops.engine.testing.DockerCli;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two repositories that both deploy an environment named production into one Swarm stack, on a real
 * swarm manager (see .ci/swarm-up.sh): each owns its services, networks and configs, prunes only
 * those, and neither overwrites the other's.
 */
@Timeout(300)
class GitOpsSwarmOwnershipTest {
    private static final String HOST = System.getenv("GITOPS_TEST_DOCKER_HOST");

    @TempDir
    Path temp;
    private String stack;
    private WorkRepository teamA;
    private WorkRepository teamB;

    @BeforeEach
    void repositories() {
        assumeTrue(HOST != null, "GITOPS_TEST_DOCKER_HOST is not set: no Docker swarm manager to test against;"
                + " run `eval \"$(.ci/swarm-up.sh)\"` first (CI always does)");
        stack = "owners-" + Long.toString(System.nanoTime() % 100_000_000L, 36);
        teamA = repository("team-a");
        teamB = repository("team-b");
    }

    private WorkRepository repository(String name) {
        WorkRepository repo = new WorkRepository(temp.resolve(name), "gitops-swarm-owners/" + name);
        repo.write("gitops.yaml", repo.read("gitops.yaml").replace("STACK", stack));
        repo.commit("stack " + stack);
        return repo;
    }

    @AfterEach
    void removeStack() throws Exception {
        if (teamA != null) {
            teamA.close();
            teamB.close();
            docker("stack", "rm", stack);
        }
    }

    @Test
    void twoRepositoriesInOneStackEachOwnAndPruneOnlyTheirOwnObjects() throws Exception {
        sync(teamA);
        sync(teamB);
        TrackingId ownerB = new TrackingId(TrackingId.repositoryId(teamB.remote()), "production");
        assertThat(docker("service", "inspect", "--format", "{{index .Spec.Labels \"" + Labels.OWNER + "\"}} {{index"
                + " .Spec.Labels \"" + Labels.TRACKING_ID + "\"}}", stack + "_b-app").trim())
                .isEqualTo(ownerB.label() + " " + ownerB.value());

        teamB.write("environments/production/docker-compose.yml", teamB.read("extras/without-worker.yml"));
        teamB.commit("team b: no worker");
        SyncResult pruned = sync(teamB);
        assertThat(pruned.objects()).filteredOn(o -> o.action().equals("delete")).extracting(o -> o.name())
                .containsExactly(stack + "_b-worker");
        assertThat(docker("stack", "services", "--format", "{{.Name}}", stack)).contains(stack + "_a-app", stack + "_b-app")
                .doesNotContain(stack + "_b-worker");
        assertThat(docker("network", "ls", "--format", "{{.Name}}")).contains(stack + "_a-net");
        assertThat(docker("config", "ls", "--format", "{{.Name}}")).contains(stack + "_a_conf");
        try (GitOps a = facade(teamA)) {
            assertThat(a.drift("production", false).driftedObjects()).isZero();
            assertThat(a.history("production")).hasSize(1);
        }
    }

    @Test
    void aServiceOwnedByAnotherRepositoryIsRefusedBeforeAnyWrite() throws Exception {
        sync(teamA);
        String version = docker("service", "inspect", "--format", "{{.Version.Index}}", stack + "_a-app").trim();
        teamB.write("environments/production/docker-compose.yml", teamB.read("extras/with-a-app.yml"));
        teamB.commit("team b: its own a-app");

        try (GitOps b = facade(teamB)) {
            assertThatThrownBy(() -> b.sync(SyncRequest.of("production"))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("environments/production/docker-compose.yml: Service '" + stack + "_a-app'"
                            + " exists and is owned by environment 'production' of repository "
                            + TrackingId.repositoryId(teamA.remote()));
        }
        assertThat(docker("service", "inspect", "--format", "{{.Version.Index}}", stack + "_a-app").trim())
                .isEqualTo(version);
        assertThat(docker("stack", "services", "--format", "{{.Name}}", stack)).doesNotContain(stack + "_b-app");
        assertThat(docker("network", "ls", "--format", "{{.Name}}")).doesNotContain(stack + "_b-net");
    }

    @Test
    void objectsLabelledBeforeOwnersExistedAreAdoptedWithoutChurn() throws Exception {
        // an earlier version's network: the stack and environment labels, no owner (networks cannot be relabelled)
        docker("network", "create", "--driver", "overlay", "--label", Labels.STACK_NAMESPACE + "=" + stack,
                "--label", Labels.MANAGED_BY + "=" + Labels.MANAGED_BY_VALUE, "--label", Labels.ENVIRONMENT + "=production",
                stack + "_a-net");
        sync(teamA);
        docker("service", "update", "--detach", "--label-rm", Labels.OWNER, "--label-rm", Labels.TRACKING_ID,
                stack + "_a-app");
        String version = docker("service", "inspect", "--format", "{{.Version.Index}}", stack + "_a-app").trim();

        SyncResult adopted = sync(teamA);
        assertThat(adopted.updated()).as("the service gets its owner once; the network keeps its labels").isEqualTo(1);
        assertThat(adopted.objects()).filteredOn(o -> o.action().equals("update")).extracting(o -> o.name())
                .containsExactly(stack + "_a-app");
        assertThat(docker("service", "inspect", "--format", "{{.Version.Index}}", stack + "_a-app").trim())
                .isNotEqualTo(version);
        SyncResult again = sync(teamA);
        assertThat(again.created() + again.updated() + again.deleted()).isZero();
    }

    private SyncResult sync(WorkRepository repo) {
        try (GitOps gitOps = facade(repo)) {
            SyncResult result = gitOps.sync(SyncRequest.of("production"));
            assertThat(result.succeeded()).as(result.message()).isTrue();
            return result;
        }
    }

    private GitOps facade(WorkRepository repo) {
        return GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache"))
                .targets(env -> SwarmTarget.connect(env, SwarmConnection.plain(HOST))).build();
    }

    private static String docker(String... args) throws Exception {
        return DockerCli.run(HOST, args);
    }
}
