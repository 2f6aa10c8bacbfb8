package io.jenkins.plugins.gitops.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.gitops.cli.ExitCodes;
import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code gitops agent} as started from the command line (its own facade, receivers from environment variables):
 * drift made by hand is healed and both events reach a receiver started by the test, linking to the agent.
 */
@Timeout(120)
class AgentNotificationsTest {
    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private Path repo;
    private Path kubeconfig;
    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        api = InProcessKubernetes.start();
        repo = temp.resolve("repo");
        copy(Path.of(getClass().getResource("/agent/notify").toURI()), repo);
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("initial").setAuthor("Test", "test@example.test")
                    .setCommitter("Test", "test@example.test").call();
        }
        try (GitOps gitOps = GitOps.builder().repository(repo.toString()).cacheDir(temp.resolve("cache-sync"))
                .targets(env -> new KubernetesTarget(api.newClient(), env)).holder("agent-test").build()) {
            assertThat(gitOps.sync(SyncRequest.of("development")).succeeded()).isTrue();
        }
        kubeconfig = Files.writeString(temp.resolve("kubeconfig"), Files.readString(Path.of(getClass()
                .getResource("/notify/kubeconfig.yaml").toURI())).replace("SERVER", api.url()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        api.close();
    }

    @Test
    void driftAndItsHealReachTheReceiverWithTheAgentsAddressAsLink() throws Exception {
        api.client().configMaps().inNamespace("agent-dev").withName("web-config").edit(c -> {
            c.getData().put("LOG_LEVEL", "debug");
            return c;
        });
        AgentCommand command = new AgentCommand();
        command.env = Map.of("GITOPS_RECEIVER_AUDIT_URL", "http://127.0.0.1:" + server.getAddress().getPort()
                + "/hooks/agent-T0KEN");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(command)
                .setOut(new PrintWriter(new StringWriter(), true)).execute("--repo", repo.toString(), "--cache-dir",
                        temp.resolve("cache").toString(), "--kubeconfig", kubeconfig.toString(), "--environment",
                        "development", "--listen", "127.0.0.1:0"));
        DriftSchedulerTest.waitUntil(() -> bodies.size() >= 2);
        int port = command.agent.port();
        assertThat(command.agent.stop()).isTrue();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);

        ObjectMapper json = new ObjectMapper();
        // sent by two threads a moment apart: the order of arrival is not guaranteed
        List<JsonNode> events = new java.util.ArrayList<>();
        for (String body : bodies) {
            events.add(json.readTree(body));
        }
        JsonNode drift = events.stream().filter(e -> e.get("trigger").asText().equals("on-drift-detected")).findFirst()
                .orElseThrow();
        JsonNode healed = events.stream().filter(e -> e.get("trigger").asText().equals("on-self-healed")).findFirst()
                .orElseThrow();
        assertThat(drift.get("message").asText()).contains("ConfigMap agent-dev/web-config (update)");
        assertThat(healed.get("recordId").isNull()).isFalse();
        assertThat(List.of(drift, healed)).allSatisfy(b -> assertThat(b.get("link").asText())
                .isEqualTo("http://127.0.0.1:" + port + "/"));
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
    }
}
