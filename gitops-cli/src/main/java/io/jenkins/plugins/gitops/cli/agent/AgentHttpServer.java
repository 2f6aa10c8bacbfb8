package io.jenkins.plugins.gitops.cli.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import io.jenkins.plugins.gitops.engine.metrics.GitOpsMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's HTTP endpoints: {@code /health} (200 while the process runs), {@code /ready} (200 once
 * the configuration is loaded and every environment has been checked once, else 503) and
 * {@code /metrics} (Prometheus text format 0.0.4). Anything else is 404; methods other than GET and
 * HEAD are 405.
 */
public final class AgentHttpServer implements AutoCloseable {
    static final String METRICS_CONTENT_TYPE = GitOpsMetrics.CONTENT_TYPE;
    private static final Logger LOG = LoggerFactory.getLogger(AgentHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final BooleanSupplier ready;
    private final Supplier<String> metrics;

    private AgentHttpServer(HttpServer server, BooleanSupplier ready, Supplier<String> metrics) {
        this.server = server;
        this.ready = ready;
        this.metrics = metrics;
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "gitops-agent-http");
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /** Binds to {@code address} (port 0: any free port) and starts serving. */
    public static AgentHttpServer start(InetSocketAddress address, BooleanSupplier ready, Supplier<String> metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        } catch (IOException e) {
            throw new OperationFailedException("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + " (" + e.getMessage() + "); choose another address with --listen");
        }
        AgentHttpServer agentServer = new AgentHttpServer(server, ready, metrics);
        server.start();
        LOG.info("serving /health, /ready and /metrics on http://{}:{}", address.getHostString(), agentServer.port());
        return agentServer;
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
            } catch (RuntimeException e) {
                LOG.warn("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
                response = Response.text(500, "internal error, see the agent's log\n");
            }
            if (response.status() == 405) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.status(), head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private Response route(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Response.text(405, "method not allowed\n");
        }
        return switch (path) {
            case "/health" -> Response.text(200, "ok\n");
            case "/ready" -> ready.getAsBoolean() ? Response.text(200, "ready\n")
                    : Response.text(503, "not ready: configuration loading or first round of drift checks running\n");
            case "/metrics" -> new Response(200, METRICS_CONTENT_TYPE, metrics.get());
            default -> Response.text(404, "not found (try /health, /ready, /metrics)\n");
        };
    }

    private record Response(int status, String contentType, String body) {
        static Response text(int status, String body) {
            return new Response(status, "text/plain; charset=utf-8", body);
        }
    }

    /** Stops serving at once (open exchanges get at most a second) and frees the port. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
