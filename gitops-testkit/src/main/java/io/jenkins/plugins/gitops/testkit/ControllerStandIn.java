package io.jenkins.plugins.gitops.testkit;

import io.jenkins.plugins.gitops.engine.cluster.kubernetes.ApiKind;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * <b>A stand-in for the Deployment, StatefulSet, DaemonSet and Job controllers and the kubelet</b>, because the
 * in-process API ({@link InProcessKubernetes}, fabric8's mock server) runs no controllers: nothing there
 * would ever report a rollout as done. Every {@link #INTERVAL} it lists those kinds in all namespaces
 * and writes, through the {@code /status} subresource, the status the real controllers would write
 * once the pods run: observedGeneration = generation, all replicas updated/ready/available, conditions
 * Available and Progressing (NewReplicaSetAvailable).
 * <p>
 * A workload with a container image containing the broken marker (default {@value #DEFAULT_BROKEN_MARKER},
 * as in {@code nginx:broken}) gets the status of a failed image pull instead: zero available replicas and
 * Progressing=False with reason ProgressDeadlineExceeded (Jobs: Failed, BackoffLimitExceeded; Pods: Pending in
 * ImagePullBackOff), so health waits, failing hooks and auto-rollback can be shown and tested. Jobs complete
 * ({@code Complete}); Pods with restartPolicy Never/OnFailure succeed, others run ready.
 * <p>
 * It never exists against a real cluster. It does not own the client it is given.
 */
public final class ControllerStandIn implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerStandIn.class);
    public static final String DEFAULT_BROKEN_MARKER = ":broken";
    static final Duration INTERVAL = Duration.ofMillis(100);
    private static final List<ApiKind> WORKLOADS = List.of(
            new ApiKind("apps", "v1", "Deployment", "deployments", true),
            new ApiKind("apps", "v1", "StatefulSet", "statefulsets", true),
            new ApiKind("apps", "v1", "DaemonSet", "daemonsets", true),
            new ApiKind("batch", "v1", "Job", "jobs", true),
            new ApiKind("", "v1", "Pod", "pods", true));

    private final KubernetesClient client;
    private final String brokenMarker;
    private ScheduledExecutorService scheduler;
    private final java.util.concurrent.atomic.AtomicLong passes = new java.util.concurrent.atomic.AtomicLong();

    public ControllerStandIn(KubernetesClient client) {
        this(client, DEFAULT_BROKEN_MARKER);
    }

    public ControllerStandIn(KubernetesClient client, String brokenMarker) {
        this.client = client;
        this.brokenMarker = brokenMarker;
    }

    /** Starts polling on a daemon thread. */
    public synchronized ControllerStandIn start() {
        if (scheduler == null) {
            LOG.info("Controller stand-in started: the in-process Kubernetes API has no controllers, so this writes"
                    + " Deployment/StatefulSet/DaemonSet/Job/Pod status itself (images containing '{}' fail)", brokenMarker);
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gitops-controller-stand-in");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::reconcileQuietly, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** One pass over all workloads; returns how many statuses it wrote. */
    public int reconcileOnce() {
        passes.incrementAndGet();
        int writes = 0;
        for (ApiKind kind : WORKLOADS) {
            for (GenericKubernetesResource workload : client.genericKubernetesResources(kind.context()).inAnyNamespace()
                    .list().getItems()) {
                if (reconcile(kind, workload)) {
                    writes++;
                }
            }
        }
        return writes;
    }

    @SuppressWarnings("unchecked")
    private boolean reconcile(ApiKind kind, GenericKubernetesResource workload) {
        Map<String, Object> manifest = Serialization.jsonMapper().convertValue(workload, Map.class);
        manifest.putIfAbsent("kind", kind.kind());
        Optional<Map<String, Object>> status = WorkloadStatus.of(manifest, brokenMarker);
        if (status.isEmpty() || sameJson(status.get(), manifest.get("status"))) {
            return false;
        }
        String patch = Serialization.asJson(List.of(Map.of("op", "add", "path", "/status", "value", status.get())));
        try {
            client.genericKubernetesResources(kind.context()).inNamespace(workload.getMetadata().getNamespace())
                    .withName(workload.getMetadata().getName()).subresource("status")
                    .patch(PatchContext.of(PatchType.JSON), patch);
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false; // deleted meanwhile
            }
            throw e;
        }
    }

    /** Compared through JSON text, so the Longs computed here equal the Integers parsed from the API. */
    private static boolean sameJson(Object a, Object b) {
        try {
            JsonNode left = Serialization.jsonMapper().readTree(Serialization.asJson(a));
            JsonNode right = Serialization.jsonMapper().readTree(Serialization.asJson(b));
            return left.equals(right);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    /** How many passes have run (for tests and the benchmark). */
    public long passes() {
        return passes.get();
    }

    private void reconcileQuietly() {
        try {
            reconcileOnce();
        } catch (RuntimeException e) {
            LOG.debug("controller stand-in pass failed; retrying", e);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }
}
