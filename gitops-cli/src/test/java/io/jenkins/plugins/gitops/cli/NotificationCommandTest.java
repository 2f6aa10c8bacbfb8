package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gitops sync} with receivers from options and environment variables: a short run still delivers. */
@Timeout(180)
class NotificationCommandTest {
    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private DemoRepository repo;
    private Path kubeconfig;
    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        api = InProcessKubernetes.start();
        api.startControllerStandIn();
        repo = DemoRepository.create("kubernetes", temp.resolve("repo"));
        kubeconfig = Files.writeString(temp.resolve("kubeconfig"), Files.readString(Path.of(getClass()
                .getResource("/notify/kubeconfig.yaml").toURI())).replace("SERVER", api.url()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(bodies.size() == 1 ? 500 : 200, -1); // the first delivery is retried
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        repo.close();
        api.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void aFailedSyncIsDeliveredBeforeTheCommandExitsToReceiversFromOptionsAndVariables() throws Exception {
        repo.write("gitops.yaml", repo.read("gitops.yaml").replace("  development:\n", "  development:\n"
                + "    notifications: { on-sync-failed: [audit, ops-chat], on-health-degraded: [missing] }\n"));
        repo.write("environments/development/kustomization.yaml", repo.read("environments/development/kustomization.yaml")
                .replace("1.1.0-rc.1", "broken"));
        String revision = repo.commit("a release that never becomes healthy");
        CommandLine cli = GitOpsCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        SyncCommand sync = cli.getSubcommands().get("sync").getCommand();
        sync.env = Map.of("GITOPS_RECEIVER_OPS_CHAT_URL", "slack:" + url("/chat/T0KEN-777"),
                "GITOPS_NOTIFICATION_LINK", "https://ci.example/job/7/");

        int exit = cli.execute("sync", "development", "--repo=" + repo.location(), "--cache-dir=" + temp.resolve("cache"),
                "--kubeconfig=" + kubeconfig, "--timeout=3s", "--receiver", "audit=" + url("/audit"));

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(paths).contains("/audit", "/chat/T0KEN-777");
        JsonNode audit = new ObjectMapper().readTree(bodies.get(paths.lastIndexOf("/audit")));
        assertThat(audit.get("trigger").asText()).isEqualTo("on-sync-failed");
        assertThat(audit.get("revision").asText()).startsWith(revision);
        assertThat(audit.get("link").asText()).isEqualTo("https://ci.example/job/7/");
        assertThat(err.toString()).contains("receiver 'missing' is not defined, not sent; define it with --receiver"
                + " missing=URL or $GITOPS_RECEIVER_MISSING_URL").doesNotContain("T0KEN-777");
    }

    @Test
    void aReceiverAddressThatIsNotAUrlIsBadInputAndNotEchoed() {
        CommandLine cli = GitOpsCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("status", "development", "--repo=" + repo.location(), "--cache-dir=" + temp.resolve("cache"),
                "--kubeconfig=" + kubeconfig, "--receiver", "audit=hooks.example/T0KEN-888");

        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--receiver audit: the receiver's URL must be an absolute http:// or https://"
                + " URL").doesNotContain("T0KEN-888");
    }
}
