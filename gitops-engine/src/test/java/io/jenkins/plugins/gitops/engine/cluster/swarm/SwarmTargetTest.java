package io.jenkins.plugins.gitops.engine.cluster.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.cluster.TargetException;
import io.jenkins.plugins.gitops.engine.health.Health;
import io.jenkins.plugins.gitops.engine.health.HealthStatus;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.render.FormatRenderer.Rendering;
import io.jenkins.plugins.gitops.engine.render.compose.ComposeRenderer;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SwarmTarget against a real swarm manager (see .ci/swarm-up.sh). Each test deploys its own stack
 * and removes it afterwards.
 */
@Timeout(180)
class SwarmTargetTest {
    static final String HOST = System.getenv("GITOPS_TEST_DOCKER_HOST");

    @TempDir
    Path temp;
    private final List<String> stacks = new ArrayList<>();
    private final List<SwarmTarget> targets = new ArrayList<>();
    private SourceTree repo;

    @BeforeEach
    void needsDaemon() throws IOException {
        assumeTrue(HOST != null, "GITOPS_TEST_DOCKER_HOST is not set: no Docker swarm manager to test against;"
                + " run `eval \"$(.ci/swarm-up.sh)\"` first (CI always does)");
        copy(resource("/compose"), temp.resolve("compose"));
        copy(resource("/swarm"), temp.resolve("swarm"));
        repo = new DirectoryTree(temp);
    }

    @AfterEach
    void removeStacks() throws Exception {
        targets.forEach(SwarmTarget::close);
        for (String stack : stacks) {
            docker("stack", "rm", stack);
        }
    }

    private SwarmTarget target(String stack) {
        String unique = stack + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        stacks.add(unique);
        SwarmTarget t = SwarmTarget.connect(env(unique), SwarmConnection.plain(HOST));
        targets.add(t);
        return t;
    }

    private static Environment env(String stack) {
        return Environment.of("it-" + stack, "environments/it", TargetSpec.swarm(stack));
    }

    private DesiredState render(SwarmTarget target, String dir, Map<String, String> variables) {
        Rendering r = new ComposeRenderer().render(repo, dir, env(stackOf(target)), variables);
        return new DesiredState("it-" + stackOf(target), repo.revision(), r.resources(), r.warnings());
    }

    private static String stackOf(SwarmTarget target) {
        return target.describe().substring(target.describe().lastIndexOf(' ') + 1);
    }

    @Test
    void createsTheStackAndAnIdenticalSecondSyncUpdatesNothing() throws Exception {
        SwarmTarget target = target("dev");
        DesiredState desired = render(target, "compose/development", Map.of());
        TestSync.Result first = TestSync.sync(target, desired, true);
        String stack = stackOf(target);
        assertThat(first.created()).containsExactly(stack + "_dev-network", stack + "_medianest-app");
        Map<String, Health> health = TestSync.waitHealthy(target, first.applied(), Duration.ofSeconds(60));
        assertThat(health.get(stack + "_medianest-app").status()).as(health.toString()).isEqualTo(HealthStatus.HEALTHY);
        long version = TestSync.versionIndex(target.get(key("Service", stack + "_medianest-app")).orElseThrow());

        TestSync.Result second = TestSync.sync(target, render(target, "compose/development", Map.of()), true);
        assertThat(second.created()).isEmpty();
        assertThat(second.updated()).isEmpty();
        assertThat(second.deleted()).isEmpty();
        assertThat(TestSync.versionIndex(target.get(key("Service", stack + "_medianest-app")).orElseThrow()))
                .isEqualTo(version);
        assertThat(docker("stack", "services", "--format", "{{.Name}}", stack)).contains(stack + "_medianest-app");
    }

    /** Every compose test stack that deploys without outside objects; the parity stacks are in StackDeployParityTest. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compose/app", "compose/development", "compose/staging", "swarm/failing", "swarm/updatable"})
    void aNoOpResyncOfEveryComposeTestStackWritesNothing(String dir) throws Exception {
        SwarmTarget target = target("noop");
        Map<String, String> variables = Map.of("APP_VERSION", "1");
        TestSync.Result first = TestSync.sync(target, render(target, dir, variables), true);
        assertThat(first.created()).isNotEmpty();
        TestSync.Result second = TestSync.sync(target, render(target, dir, variables), true);
        assertThat(second.created()).isEmpty();
        assertThat(second.updated()).isEmpty();
        assertThat(second.deleted()).isEmpty();
    }

    @Test
    void changingOneImageUpdatesExactlyThatService() throws Exception {
        SwarmTarget target = target("app");
        String stack = stackOf(target);
        TestSync.Result first = TestSync.sync(target, render(target, "compose/app", Map.of()), true);
        assertThat(first.created()).hasSize(5).contains(stack + "_backend", stack + "_web", stack + "_worker"); // volumes are no Swarm objects
        // the daemon itself bumps a new service's version while it allocates its endpoint: read versions once settled
        assertThat(TestSync.waitHealthy(target, first.applied(), Duration.ofSeconds(60)).values())
                .allMatch(h -> h.status() == HealthStatus.HEALTHY);
        long worker = TestSync.versionIndex(target.get(key("Service", stack + "_worker")).orElseThrow());
        long web = TestSync.versionIndex(target.get(key("Service", stack + "_web")).orElseThrow());

        TestSync.Result second = TestSync.sync(target, render(target, "compose/app", Map.of("WEB_TAG", "2")), true);
        assertThat(second.updated()).containsExactly(stack + "_web");
        assertThat(second.created()).isEmpty();
        assertThat(TestSync.versionIndex(target.get(key("Service", stack + "_worker")).orElseThrow())).isEqualTo(worker);
        Resource webLive = target.get(key("Service", stack + "_web")).orElseThrow();
        assertThat(TestSync.versionIndex(webLive)).isGreaterThan(web);
        assertThat(Manifests.string(webLive.manifest(), "Spec", "TaskTemplate", "ContainerSpec", "Image"))
                .isEqualTo("gitops-test/busybox:2");
        assertThat(TestSync.waitHealthy(target, second.applied(), Duration.ofSeconds(60)).values())
                .allMatch(h -> h.status() == HealthStatus.HEALTHY);
    }

    @Test
    void changedConfigContentMovesTheServiceToANewConfigAndRemovesTheOldOne() throws Exception {
        SwarmTarget target = target("cfg");
        String stack = stackOf(target);
        TestSync.Result first = TestSync.sync(target, render(target, "compose/app", Map.of()), true);
        String oldConfig = first.created().stream().filter(n -> n.startsWith(stack + "_app_config-")).findFirst()
                .orElseThrow();
        Files.writeString(temp.resolve("compose/app/configs/app.conf"), "listen=9090\n");

        TestSync.Result second = TestSync.sync(target, render(target, "compose/app", Map.of()), false);
        String newConfig = second.created().stream().filter(n -> n.startsWith(stack + "_app_config-")).findFirst()
                .orElseThrow();
        assertThat(newConfig).isNotEqualTo(oldConfig);
        assertThat(second.created()).containsExactly(newConfig);
        assertThat(second.updated()).containsExactly(stack + "_web");
        assertThat(docker("service", "inspect", "--format",
                "{{range .Spec.TaskTemplate.ContainerSpec.Configs}}{{.ConfigName}}{{end}}", stack + "_web").strip())
                .isEqualTo(newConfig);
        // afterSync removed the superseded version even though prune is off
        assertThat(target.get(key("Config", oldConfig))).isEmpty();
        assertThat(target.get(key("Config", newConfig))).isPresent();
    }

    @Test
    void pruneRemovesWhatGitNoLongerHas() throws Exception {
        SwarmTarget target = target("prune");
        String stack = stackOf(target);
        TestSync.sync(target, render(target, "compose/app", Map.of()), true);
        Files.writeString(temp.resolve("compose/app/docker-compose.yml"), """
                services:
                  web:
                    image: gitops-test/busybox:1
                    command: [sleep, "3600"]
                """);
        TestSync.Result second = TestSync.sync(target, render(target, "compose/app", Map.of()), true);
        assertThat(second.created()).containsExactly(stack + "_default");
        assertThat(second.updated()).containsExactly(stack + "_web").as("web moved to the default network");
        assertThat(second.deleted()).contains(stack + "_worker", stack + "_backend");
        Map<ResourceKey, Resource> live = target.live(target.prepare(render(target, "compose/app", Map.of())));
        assertThat(live.keySet()).extracting(ResourceKey::name)
                .containsExactlyInAnyOrder(stack + "_default", stack + "_web");
    }

    @Test
    void aServiceThatExitsAndIsNotRestartedIsDegradedWithTheTaskError() throws Exception {
        SwarmTarget target = target("crash");
        TestSync.Result result = TestSync.sync(target, render(target, "swarm/failing", Map.of()), true);
        Map<String, Health> health = TestSync.waitHealthy(target, result.applied(), Duration.ofSeconds(60));
        Health crash = health.get(stackOf(target) + "_crash");
        assertThat(crash.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(crash.message()).contains("non-zero exit (3)").contains("0/1 tasks running");
    }

    @Test
    void aPausedUpdateIsDegradedWithTheTaskError() throws Exception {
        SwarmTarget target = target("upd");
        TestSync.Result first = TestSync.sync(target, render(target, "swarm/updatable", Map.of()), true);
        assertThat(TestSync.waitHealthy(target, first.applied(), Duration.ofSeconds(60)).values())
                .allMatch(h -> h.status() == HealthStatus.HEALTHY);
        TestSync.Result broken = TestSync.sync(target, render(target, "swarm/updatable", Map.of("API_CMD", "exit 7")), true);
        assertThat(broken.updated()).containsExactly(stackOf(target) + "_api");
        Health api = TestSync.waitHealthy(target, broken.applied(), Duration.ofSeconds(90)).get(stackOf(target) + "_api");
        assertThat(api.status()).as(api.toString()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(api.message()).contains("paused").contains("non-zero exit (7)");
    }

    @Test
    void validateListsEveryMissingExternalObjectBeforeAnythingIsWritten() {
        SwarmTarget target = target("prod");
        DesiredState prepared = target.prepare(render(target, "compose/production", Map.of("APP_VERSION", "1")));
        assertThatThrownBy(() -> target.validate(prepared)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).hasSize(4))
                .hasMessageContaining("external network 'production-network' does not exist")
                .hasMessageContaining("external secret 'database_url' does not exist")
                .hasMessageContaining("jwt_secret").hasMessageContaining("encryption_key");
        assertThat(target.live(prepared)).isEmpty();
    }

    @Test
    void secretDataIsNeverReadBackAndTheDiffIgnoresIt() {
        SwarmTarget target = target("sec");
        TestSync.Result first = TestSync.sync(target, render(target, "compose/app", Map.of()), true);
        Resource secret = first.applied().stream().filter(r -> r.kind().equals("Secret")).findFirst().orElseThrow();
        assertThat(secret.manifest().toString()).doesNotContain("hunter2").doesNotContain("Data");
        assertThat(target.serverOwnedPointers(secret.key())).contains("/Spec/Data", "/Version");
        assertThat(TestSync.sync(target, render(target, "compose/app", Map.of()), true).updated()).isEmpty();
    }

    @Test
    void aDaemonThatIsNotASwarmManagerIsAClearError() {
        String plain = System.getenv("GITOPS_TEST_DOCKER_HOST_NO_SWARM");
        assumeTrue(plain != null, "GITOPS_TEST_DOCKER_HOST_NO_SWARM is not set (.ci/swarm-up.sh starts one)");
        assertThatThrownBy(() -> SwarmTarget.connect(env("x"), SwarmConnection.plain(plain)))
                .isInstanceOf(TargetException.class)
                .hasMessage("the Docker daemon at " + plain + " is not a swarm manager (swarm state: inactive, not a"
                        + " manager); run `docker swarm init` or point --docker-host at a manager");
    }

    private static ResourceKey key(String kind, String name) {
        return new ResourceKey("swarm", kind, "", name);
    }

    static String docker(String... args) throws IOException, InterruptedException {
        return io.jenkins.plugins.gitops.engine.testing.DockerCli.run(HOST, args);
    }

    private static Path resource(String name) {
        try {
            return Path.of(SwarmTargetTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
