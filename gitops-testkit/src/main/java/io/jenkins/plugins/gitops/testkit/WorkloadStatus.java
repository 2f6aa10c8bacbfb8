package io.jenkins.plugins.gitops.testkit;

import io.jenkins.plugins.gitops.engine.cluster.kubernetes.LastApplied;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code status} the Kubernetes workload controllers would write once they have acted on a spec,
 * for {@link ControllerStandIn}: all replicas up, or, when an image contains the broken marker, the
 * state a failed image pull leaves behind. Deterministic (no timestamps), so an unchanged spec gives an
 * unchanged status and no write.
 */
final class WorkloadStatus {
    private WorkloadStatus() {
    }

    /** The status for a workload manifest; empty for kinds the stand-in does not handle. */
    static Optional<Map<String, Object>> of(Map<String, Object> workload, String brokenMarker) {
        String kind = String.valueOf(workload.get("kind"));
        Optional<String> broken = brokenImage(workload, brokenMarker);
        return switch (kind) {
            case "Deployment" -> Optional.of(deployment(workload, broken));
            case "StatefulSet" -> Optional.of(statefulSet(workload, broken));
            case "DaemonSet" -> Optional.of(daemonSet(workload, broken));
            case "Job" -> Optional.of(job(workload, broken));
            case "Pod" -> Optional.of(pod(workload, broken));
            default -> Optional.empty();
        };
    }

    private static Map<String, Object> deployment(Map<String, Object> d, Optional<String> broken) {
        long replicas = replicas(d);
        String replicaSet = name(d) + "-" + templateHash(d);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("observedGeneration", generation(d));
        status.put("replicas", replicas);
        status.put("updatedReplicas", replicas);
        if (broken.isPresent()) {
            status.put("readyReplicas", 0L);
            status.put("availableReplicas", 0L);
            status.put("unavailableReplicas", replicas);
            status.put("conditions", List.of(
                    condition("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability."),
                    condition("Progressing", "False", "ProgressDeadlineExceeded", "ReplicaSet \"" + replicaSet
                            + "\" has timed out progressing: image \"" + broken.get() + "\" cannot be pulled (ErrImagePull)")));
        } else {
            status.put("readyReplicas", replicas);
            status.put("availableReplicas", replicas);
            status.put("conditions", List.of(
                    condition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability."),
                    condition("Progressing", "True", "NewReplicaSetAvailable", "ReplicaSet \"" + replicaSet
                            + "\" has successfully progressed.")));
        }
        return status;
    }

    private static Map<String, Object> statefulSet(Map<String, Object> s, Optional<String> broken) {
        long replicas = replicas(s);
        long ready = broken.isPresent() ? 0 : replicas;
        String revision = name(s) + "-" + templateHash(s);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("observedGeneration", generation(s));
        status.put("replicas", replicas);
        status.put("readyReplicas", ready);
        status.put("availableReplicas", ready);
        status.put("currentReplicas", replicas);
        status.put("updatedReplicas", replicas);
        status.put("currentRevision", revision);
        status.put("updateRevision", revision);
        return status;
    }

    /** A one-node cluster: one pod per DaemonSet. */
    private static Map<String, Object> daemonSet(Map<String, Object> d, Optional<String> broken) {
        long available = broken.isPresent() ? 0 : 1;
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("observedGeneration", generation(d));
        status.put("desiredNumberScheduled", 1L);
        status.put("currentNumberScheduled", 1L);
        status.put("updatedNumberScheduled", 1L);
        status.put("numberReady", available);
        status.put("numberAvailable", available);
        status.put("numberMisscheduled", 0L);
        if (broken.isPresent()) {
            status.put("numberUnavailable", 1L);
        }
        return status;
    }

    private static Map<String, Object> job(Map<String, Object> j, Optional<String> broken) {
        Map<String, Object> status = new LinkedHashMap<>();
        if (broken.isPresent()) {
            status.put("failed", 1L);
            status.put("conditions", List.of(condition("Failed", "True", "BackoffLimitExceeded",
                    "Job has reached the specified backoff limit: image \"" + broken.get() + "\" cannot be pulled")));
        } else {
            status.put("succeeded", 1L);
            status.put("conditions", List.of(condition("Complete", "True", "", "")));
        }
        return status;
    }

    /**
     * A Pod the kubelet ran: with restartPolicy Never or OnFailure its containers exit 0 (phase Succeeded, as a
     * hook Pod must); with Always it keeps running, ready. A broken image never starts: Pending, the container
     * waiting in ImagePullBackOff.
     */
    private static Map<String, Object> pod(Map<String, Object> p, Optional<String> broken) {
        String restart = Manifests.string(p, "spec", "restartPolicy");
        boolean runsToCompletion = "Never".equals(restart) || "OnFailure".equals(restart);
        Map<String, Object> status = new LinkedHashMap<>();
        List<Map<String, Object>> containers = new ArrayList<>();
        if (Manifests.get(p, "spec", "containers") instanceof List<?> list) {
            for (Object c : list) {
                if (c instanceof Map<?, ?> container) {
                    Map<String, Object> state = new LinkedHashMap<>();
                    state.put("name", String.valueOf(container.get("name")));
                    state.put("image", String.valueOf(container.get("image")));
                    state.put("ready", broken.isEmpty() && !runsToCompletion);
                    state.put("restartCount", 0L);
                    state.put("state", broken.isPresent()
                            ? Map.of("waiting", Map.of("reason", "ImagePullBackOff", "message", "Back-off pulling image \""
                                    + broken.get() + "\""))
                            : runsToCompletion ? Map.of("terminated", Map.of("exitCode", 0L, "reason", "Completed"))
                            : Map.of("running", Map.of()));
                    containers.add(state);
                }
            }
        }
        status.put("phase", broken.isPresent() ? "Pending" : runsToCompletion ? "Succeeded" : "Running");
        status.put("containerStatuses", containers);
        return status;
    }

    private static Map<String, Object> condition(String type, String status, String reason, String message) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type);
        c.put("status", status);
        if (!reason.isEmpty()) {
            c.put("reason", reason);
        }
        if (!message.isEmpty()) {
            c.put("message", message);
        }
        return c;
    }

    /** The first container image (init containers included; a Pod's own or a workload's template's) containing the marker. */
    static Optional<String> brokenImage(Map<String, Object> workload, String marker) {
        if (marker == null || marker.isEmpty()) {
            return Optional.empty();
        }
        List<Object> containers = new ArrayList<>();
        boolean pod = "Pod".equals(workload.get("kind"));
        for (String field : List.of("initContainers", "containers")) {
            Object list = pod ? Manifests.get(workload, "spec", field)
                    : Manifests.get(workload, "spec", "template", "spec", field);
            if (list instanceof List<?> items) {
                containers.addAll(items);
            }
        }
        return containers.stream().filter(Map.class::isInstance).map(c -> ((Map<?, ?>) c).get("image"))
                .filter(i -> i != null && String.valueOf(i).contains(marker)).map(String::valueOf).findFirst();
    }

    private static long replicas(Map<String, Object> workload) {
        return Manifests.get(workload, "spec", "replicas") instanceof Number n ? n.longValue() : 1L;
    }

    private static long generation(Map<String, Object> workload) {
        return Manifests.get(workload, "metadata", "generation") instanceof Number n ? n.longValue() : 1L;
    }

    private static String name(Map<String, Object> workload) {
        return String.valueOf(Manifests.get(workload, "metadata", "name"));
    }

    /** Stands in for the pod-template-hash: changes with the template, stable otherwise. */
    private static String templateHash(Map<String, Object> workload) {
        Object template = Manifests.get(workload, "spec", "template");
        return LastApplied.sha256(String.valueOf(template)).substring(0, 10);
    }
}
