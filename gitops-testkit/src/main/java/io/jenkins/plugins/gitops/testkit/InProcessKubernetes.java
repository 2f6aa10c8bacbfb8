package io.jenkins.plugins.gitops.testkit;

import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Kubernetes API for the demo, the benchmark and tests: fabric8's mock server in CRUD
 * mode (create/get/list/patch/delete/watch, status subresource, no server-side apply, no controllers),
 * on loopback over plain HTTP, with API discovery for the built-in groups and stored CRDs added
 * (the mock has none of its own) and every request counted by verb. Writes follow a real API server's
 * rules ({@link ServerRules}): wrong field types, invalid base64, missing required fields and
 * annotations over 256 KiB are refused; nulls and, in built-in kinds, empty maps and lists are not
 * stored; {@code dryRun=All} answers without storing.
 * <p>
 * Verbs counted: {@code GET} (one object), {@code LIST}, {@code WATCH}, {@code POST}, {@code PUT},
 * {@code PATCH}, {@code DELETE}, the same writes sent with {@code dryRun=All} as {@code DRY_RUN_POST},
 * {@code DRY_RUN_PATCH}, ..., and {@code DISCOVERY} (GETs of /api, /apis...). Requests of the
 * {@link ControllerStandIn} started here are not counted: they stand for the cluster's own controllers.
 */
public final class InProcessKubernetes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessKubernetes.class);
    static final String STAND_IN_USER_AGENT = "gitops-controller-stand-in";
    /** The mock web server logs every request at INFO through java.util.logging: too loud for a demo. Held strongly. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger(MockWebServer.class.getName());

    private final InProcessApiDispatcher dispatcher;
    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final List<AutoCloseable> owned = new ArrayList<>();

    private InProcessKubernetes() {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
        dispatcher = new InProcessApiDispatcher(STAND_IN_USER_AGENT);
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(),
                new HashMap<>(), dispatcher, false);
        server.start(InetAddress.getLoopbackAddress(), 0);
        client = newClient();
        LOG.info("In-process Kubernetes API (fabric8 mock server, CRUD mode, no controllers) at {}", url());
    }

    /** Starts a fresh, empty API on a free loopback port. */
    public static InProcessKubernetes start() {
        return new InProcessKubernetes();
    }

    public String url() {
        return server.url("/");
    }

    /** A client owned by this instance (closed by {@link #close()}); do not hand it to a target that closes it. */
    public KubernetesClient client() {
        return client;
    }

    /** A new client the caller owns, for example to give to a {@link KubernetesTarget} (which closes it). */
    public KubernetesClient newClient() {
        return newClient("gitops-engine");
    }

    private KubernetesClient newClient(String userAgent) {
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(url()).withNamespace("default")
                .withTrustCerts(true).withHttp2Disable(true).withUserAgent(userAgent).build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** Starts the Deployment/StatefulSet/DaemonSet/Job/Pod status stand-in with the default broken-image marker. */
    public ControllerStandIn startControllerStandIn() {
        return startControllerStandIn(ControllerStandIn.DEFAULT_BROKEN_MARKER);
    }

    /** Starts the controller stand-in (stopped by {@link #close()}); its requests are not counted. */
    public synchronized ControllerStandIn startControllerStandIn(String brokenImageMarker) {
        KubernetesClient standInClient = newClient(STAND_IN_USER_AGENT);
        ControllerStandIn standIn = new ControllerStandIn(standInClient, brokenImageMarker).start();
        owned.add(standIn);
        owned.add(standInClient);
        return standIn;
    }

    /** API requests so far by verb (sorted by verb). */
    public Map<String, Long> requestCounts() {
        return dispatcher.counts();
    }

    public void resetRequestCounts() {
        dispatcher.resetCounts();
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed", c, e);
            }
        }
        owned.clear();
        client.close();
        server.shutdown();
    }
}
