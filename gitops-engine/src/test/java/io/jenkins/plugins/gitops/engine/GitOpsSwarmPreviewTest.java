package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.gitops.engine.api.PreviewInfo;
import io.jenkins.plugins.gitops.engine.api.PreviewRequest;
import io.jenkins.plugins.gitops.engine.api.PreviewResult;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmConnection;
import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmTarget;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.testing.DockerCli;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Previews of a compose environment on a real swarm manager (see .ci/swarm-up.sh; skipped without
 * GITOPS_TEST_DOCKER_HOST): created next to the template stack with daemon-assigned ports and renamed
 * Traefik routers, listed, re-synced without writes, deleted (history configs included), expired by ttl.
 */
@Timeout(300)
class GitOpsSwarmPreviewTest {
    private static final String HOST = System.getenv("GITOPS_TEST_DOCKER_HOST");

    @TempDir
    Path temp;
    private String stack;
    private String port;
    private WorkRepository repo;
    private GitOps gitOps;

    @BeforeEach
    void repository() {
        assumeTrue(HOST != null, "GITOPS_TEST_DOCKER_HOST is not set: no Docker swarm manager to test against;"
                + " run `eval \"$(.ci/swarm-up.sh)\"` first (CI always does)");
        stack = "pv-" + Long.toString(System.nanoTime() % 100_000_000L, 36);
        port = String.valueOf(20000 + (int) (System.nanoTime() % 9000));
        repo = new WorkRepository(temp.resolve("repo"), "gitops-swarm-preview");
        for (String file : List.of("gitops.yaml", "environments/development/docker-compose.yml",
                "environments/without-traefik.yml")) {
            repo.write(file, repo.read(file).replace("STACK", stack).replace("PORT", port));
        }
        repo.commit("stack " + stack);
        gitOps = GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache"))
                .targets(env -> SwarmTarget.connect(env, SwarmConnection.plain(HOST))).build();
    }

    @AfterEach
    void removeStacks() throws Exception {
        if (gitOps != null) {
            gitOps.close();
            repo.close();
            for (String s : List.of(stack, stack + "-pr-42", stack + "-pr-43")) {
                try {
                    docker("stack", "rm", s);
                } catch (java.io.IOException e) {
                    // a network still being removed by the daemon after a preview delete: nothing left to do
                }
            }
        }
    }

    private PreviewResult create(String id, String tag) {
        PreviewResult result = gitOps.previewCreate(PreviewRequest.of("development", id)
                .withVariables(Map.of("IMAGE_TAG", tag)));
        assertThat(result.succeeded()).as(result.sync().message()).isTrue();
        return result;
    }

    @Test
    void aPreviewRunsNextToTheTemplateWithItsOwnPortRoutersAndHost() throws Exception {
        assertThat(gitOps.sync(SyncRequest.of("development")).succeeded()).isTrue();
        PreviewResult result = create("42", "2");

        String preview = stack + "-pr-42";
        assertThat(result.name()).isEqualTo(preview);
        assertThat(result.url()).isEqualTo("https://pr-42.preview.example.com/");
        assertThat(docker("stack", "services", "--format", "{{.Name}}", preview))
                .contains(preview + "_web", preview + "_worker");
        assertThat(docker("service", "inspect", "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}",
                preview + "_web")).startsWith("gitops-test/busybox:2");
        int assigned = Integer.parseInt(docker("service", "inspect", "--format",
                "{{(index .Endpoint.Ports 0).PublishedPort}}", preview + "_web").trim());
        assertThat(assigned).as("the daemon's dynamic range, not the template's port").isBetween(30000, 32767);
        assertThat(docker("service", "inspect", "--format", "{{(index .Endpoint.Ports 0).PublishedPort}}",
                stack + "_web").trim()).isEqualTo(port);

        String labels = docker("service", "inspect", "--format", "{{json .Spec.Labels}}", preview + "_web");
        String router = "traefik.http.routers." + preview + "-web.";
        assertThat(labels).contains("\"" + router + "rule\":\"Host(`pr-42.preview.example.com`) && PathPrefix(`/`)\"",
                "\"" + router + "middlewares\":\"" + preview + "-web-headers,auth@file\"",
                "\"" + router + "tls.domains[0].main\":\"pr-42.preview.example.com\"",
                "\"traefik.http.services." + preview + "-web.loadbalancer.server.port\":\"80\"",
                "\"traefik.http.middlewares." + preview + "-web-headers.headers.customresponseheaders.X-Env\":\"dev\"",
                "\"traefik.swarm.network\":\"" + preview + "_web\"",
                "\"" + Labels.PREVIEW_URL + "\":\"https://pr-42.preview.example.com/\"")
                .doesNotContain("traefik.http.routers.web.", "tls.domains[0].sans", "shop.dev.example.com");
        assertThat(docker("service", "inspect", "--format", "{{json .Spec.Labels}}", stack + "_web"))
                .as("the template keeps its own routing").contains("\"traefik.http.routers.web.rule\":\"Host(`shop.dev.example.com`)");

        SyncResult template = gitOps.sync(SyncRequest.of("development"));
        assertThat(template.created() + template.updated() + template.deleted())
                .as("the preview is no drift of the template and its prune leaves it alone").isZero();
        assertThat(gitOps.drift("development", false).drifted()).isFalse();
    }

    @Test
    void listedReSyncedWithoutWritesThenDeletedWithItsHistory() throws Exception {
        create("42", "2");
        PreviewResult again = create("42", "2");
        assertThat(again.sync().created() + again.sync().updated() + again.sync().deleted()).isZero();
        assertThat(again.url()).isEqualTo("https://pr-42.preview.example.com/");

        List<PreviewInfo> previews = gitOps.previews("development");
        assertThat(previews).extracting(PreviewInfo::id).containsExactly("42");
        PreviewInfo info = previews.get(0);
        assertThat(info.url()).isEqualTo("https://pr-42.preview.example.com/");
        assertThat(info.revision()).isEqualTo(repo.tip());
        assertThat(info.health()).isEqualTo("Healthy");
        assertThat(gitOps.previewHistory("development", "42")).as("a sync that writes nothing records nothing").hasSize(1);

        PreviewResult deleted = gitOps.previewDelete("development", "42");
        assertThat(deleted.succeeded()).as(deleted.sync().message()).isTrue();
        assertThat(deleted.sync().deleted()).isEqualTo(3); // two services and the network
        String preview = stack + "-pr-42";
        assertThat(docker("service", "ls", "--format", "{{.Name}}")).doesNotContain(preview + "_");
        assertThat(docker("config", "ls", "--format", "{{.Name}}")).as("its history configs go with it")
                .doesNotContain(preview + "_");
        assertThat(gitOps.previews("development")).isEmpty();
    }

    @Test
    void withoutTraefikRulesTheUrlIsTheHostAndTheAssignedPort() throws Exception {
        repo.write("environments/development/docker-compose.yml", repo.read("environments/without-traefik.yml"));
        repo.commit("no traefik");
        PreviewResult result = create("43", "1");
        String assigned = docker("service", "inspect", "--format", "{{(index .Endpoint.Ports 0).PublishedPort}}",
                stack + "-pr-43_web").trim();
        assertThat(result.url()).isEqualTo("http://pr-43.preview.example.com:" + assigned + "/");
        assertThat(gitOps.previews("development")).extracting(PreviewInfo::url).containsExactly(result.url());
    }

    @Test
    void previewsIdlePastTheirTtlAreDeleted() throws Exception {
        create("42", "2");
        assertThat(gitOps.previewPrune("development", null, Instant.now().plus(Duration.ofDays(2)))).isEmpty();
        List<PreviewResult> expired = gitOps.previewPrune("development", null, Instant.now().plus(Duration.ofDays(4)));
        assertThat(expired).extracting(PreviewResult::id).containsExactly("42");
        assertThat(expired.get(0).succeeded()).as(expired.get(0).sync().message()).isTrue();
        assertThat(docker("service", "ls", "--format", "{{.Name}}")).doesNotContain(stack + "-pr-42_");
    }

    private static String docker(String... args) throws Exception {
        return DockerCli.run(HOST, args);
    }
}
