package io.jenkins.plugins.gitops.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.OperationFailedException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AgentHttpServerTest {
    private static final String METRICS = "# HELP gitops_drift_resources objects changed outside Git\n"
            + "# TYPE gitops_drift_resources gauge\ngitops_drift_resources{environment=\"staging\"} 2.0\n";

    private final AtomicBoolean ready = new AtomicBoolean();
    private AgentHttpServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void healthAnswersWhileTheProcessRuns() throws Exception {
        server = start();

        HttpResponse<String> health = Http.get(server.port(), "/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");
    }

    @Test
    void readyFlipsFrom503To200() throws Exception {
        server = start();
        assertThat(Http.get(server.port(), "/ready").statusCode()).isEqualTo(503);

        ready.set(true);

        HttpResponse<String> response = Http.get(server.port(), "/ready");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ready\n");
    }

    @Test
    void metricsServesPrometheusText() throws Exception {
        server = start();

        HttpResponse<String> metrics = Http.get(server.port(), "/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).isEqualTo(METRICS);
    }

    @Test
    void unknownPathsAre404AndWritesAre405() throws Exception {
        server = start();

        assertThat(Http.get(server.port(), "/").statusCode()).isEqualTo(404);
        assertThat(Http.get(server.port(), "/healthz").statusCode()).isEqualTo(404);
        HttpResponse<String> post = Http.send("POST", server.port(), "/metrics");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void headAnswersWithoutBody() throws Exception {
        server = start();

        HttpResponse<String> head = Http.send("HEAD", server.port(), "/health");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aFailingMetricsSourceIs500AndTheServerKeepsServing() throws Exception {
        server = AgentHttpServer.start(new InetSocketAddress("127.0.0.1", 0), ready::get, () -> {
            throw new IllegalStateException("registry closed");
        });

        assertThat(Http.get(server.port(), "/metrics").statusCode()).isEqualTo(500);
        assertThat(Http.get(server.port(), "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void closeFreesThePort() throws Exception {
        server = start();
        int port = server.port();

        server.close();

        assertThatThrownBy(() -> Http.get(port, "/health")).isInstanceOf(IOException.class);
        server = AgentHttpServer.start(new InetSocketAddress("127.0.0.1", port), ready::get, () -> METRICS);
        assertThat(Http.get(port, "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aPortInUseIsAClearError() {
        server = start();

        assertThatThrownBy(() -> AgentHttpServer.start(new InetSocketAddress("127.0.0.1", server.port()), ready::get,
                () -> METRICS)).isInstanceOf(OperationFailedException.class)
                .hasMessageStartingWith("cannot listen on 127.0.0.1:" + server.port())
                .hasMessageEndingWith("choose another address with --listen");
    }

    private AgentHttpServer start() {
        return AgentHttpServer.start(new InetSocketAddress("127.0.0.1", 0), ready::get, () -> METRICS);
    }
}
