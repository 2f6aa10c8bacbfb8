package io.jenkins.plugins.gitops.engine.cluster.swarm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.SSLConfig;
import io.jenkins.plugins.gitops.engine.cluster.TargetException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Docker Engine API as plain JSON over docker-java's httpclient5 transport. Plain maps rather
 * than docker-java's typed model so that specs round-trip exactly (no field the model lacks is lost,
 * and what we send is what {@code docker service inspect} shows).
 */
final class DockerApi implements AutoCloseable {
    /** Engine API 1.41 (Docker 20.10); newer daemons still serve it. */
    private static final String VERSION = "/v1.41";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DockerHttpClient http;
    private final String host;

    DockerApi(SwarmConnection connection) {
        this.host = connection.dockerHost();
        SSLConfig ssl = null;
        if (connection.tlsDirectory() != null) {
            ssl = new LocalDirectorySSLConfig(connection.tlsDirectory().toString());
        } else if (connection.keyPem() != null) {
            ssl = new PemSslConfig(connection.caPem(), connection.certPem(), connection.keyPem());
        }
        this.http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host)).sslConfig(ssl)
                .maxConnections(16).connectionTimeout(Duration.ofSeconds(10)).responseTimeout(Duration.ofSeconds(60))
                .build();
    }

    String host() {
        return host;
    }

    Object get(String path) {
        return call(Request.Method.GET, path, null).orElseThrow(() -> notFound(path));
    }

    Optional<Object> find(String path) {
        return call(Request.Method.GET, path, null);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> getMap(String path) {
        return (Map<String, Object>) get(path);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String path) {
        Object value = get(path);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> post(String path, Object body) {
        return (Map<String, Object>) call(Request.Method.POST, path, body).orElseThrow(() -> notFound(path));
    }

    /** Creates; empty when an object of that name exists (HTTP 409: the manager's Raft store refused it). */
    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> createUnlessExists(String path, Object body) {
        return call(Request.Method.POST, path, body, true).map(o -> (Map<String, Object>) o);
    }

    /**
     * The registry's descriptor of an image ({@code GET /distribution/{name}/json}: the daemon asks the
     * registry with its own credentials and proxy settings), or empty when the daemon answers with an
     * error (registry unreachable, image unknown, no access): the caller decides how to fall back.
     */
    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> distribution(String image) {
        return call(Request.Method.GET, "/distribution/" + image + "/json", null, status -> status >= 300)
                .map(o -> (Map<String, Object>) o);
    }

    /** Deletes; false if it was already gone. */
    boolean delete(String path) {
        return call(Request.Method.DELETE, path, null).isPresent();
    }

    /** {@code ?filters=} value for a label/name filter map. */
    static String filters(Map<String, List<String>> filters) {
        try {
            return URLEncoder.encode(JSON.writeValueAsString(filters), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Optional<Object> call(Request.Method method, String path, Object body) {
        return call(method, path, body, false);
    }

    private Optional<Object> call(Request.Method method, String path, Object body, boolean conflictIsEmpty) {
        return call(method, path, body, status -> status == 404 || conflictIsEmpty && status == 409);
    }

    private Optional<Object> call(Request.Method method, String path, Object body,
            java.util.function.IntPredicate emptyWhen) {
        Request.Builder request = Request.builder().method(method).path(VERSION + path);
        if (body != null) {
            try {
                request.putHeader("Content-Type", "application/json")
                        .body(new ByteArrayInputStream(JSON.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        try (DockerHttpClient.Response response = http.execute(request.build())) {
            int status = response.getStatusCode();
            byte[] bytes = readAll(response.getBody());
            if (emptyWhen.test(status)) {
                return Optional.empty();
            }
            if (status >= 300) {
                throw new TargetException(method + " " + path + " on " + host + " failed: " + daemonMessage(bytes)
                        + " (HTTP " + status + ")", TargetException.retryableStatus(status), null);
            }
            return Optional.of(bytes.length == 0 ? Map.of() : JSON.readValue(bytes, Object.class));
        } catch (TargetException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TargetException("cannot reach the Docker daemon at " + host + " (" + rootMessage(e)
                    + "); check --docker-host and that dockerd is running", true, e);
        }
    }

    private TargetException notFound(String path) {
        return new TargetException(path + " not found on the Docker daemon at " + host, false, null);
    }

    private static byte[] readAll(InputStream body) throws IOException {
        return body == null ? new byte[0] : body.readAllBytes();
    }

    private static String daemonMessage(byte[] bytes) {
        try {
            Object parsed = JSON.readValue(bytes, Object.class);
            if (parsed instanceof Map<?, ?> m && m.get("message") != null) {
                return String.valueOf(m.get("message")).strip();
            }
        } catch (IOException e) {
            // not JSON: fall through to the raw text
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
