package io.jenkins.plugins.gitops.engine.health;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pod: phase plus the container states that never resolve on their own (image pull, crash loop). */
final class PodHealth {
    /** Waiting reasons that mean the pod will not start without a change. */
    private static final Set<String> STUCK = Set.of("CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull",
            "InvalidImageName", "CreateContainerConfigError", "CreateContainerError", "ErrImageNeverPull");

    private PodHealth() {
    }

    static Health of(Map<String, Object> pod) {
        String phase = StatusFields.string(pod, "status", "phase");
        List<Map<String, Object>> containers = containerStatuses(pod);
        for (Map<String, Object> container : containers) {
            String reason = Manifests.string(container, "state", "waiting", "reason");
            if (reason != null && STUCK.contains(reason)) {
                String message = Manifests.string(container, "state", "waiting", "message");
                return Health.degraded("container " + StatusFields.text(container, "name") + ": " + reason
                        + (message == null || message.isEmpty() ? "" : ": " + message));
            }
        }
        return switch (phase) {
            case "Succeeded" -> Health.healthy(StatusFields.string(pod, "status", "message"));
            case "Failed" -> Health.degraded(failedMessage(pod));
            case "Running" -> running(pod, containers);
            case "Pending" -> Health.progressing("pod is pending" + reasonSuffix(pod));
            default -> Health.unknown("pod phase " + (phase.isEmpty() ? "not reported" : phase));
        };
    }

    private static Health running(Map<String, Object> pod, List<Map<String, Object>> containers) {
        if ("Never".equals(StatusFields.string(pod, "spec", "restartPolicy"))
                || "OnFailure".equals(StatusFields.string(pod, "spec", "restartPolicy"))) {
            return Health.progressing("pod is running");
        }
        long ready = containers.stream().filter(c -> Boolean.TRUE.equals(c.get("ready"))).count();
        if (!containers.isEmpty() && ready == containers.size()) {
            return Health.healthy(ready + "/" + containers.size() + " containers ready");
        }
        return Health.progressing(ready + "/" + containers.size() + " containers ready");
    }

    private static String failedMessage(Map<String, Object> pod) {
        String message = StatusFields.string(pod, "status", "message");
        String reason = StatusFields.string(pod, "status", "reason");
        return reason.isEmpty() ? (message.isEmpty() ? "pod failed" : message) : reason + ": " + message;
    }

    private static String reasonSuffix(Map<String, Object> pod) {
        String reason = StatusFields.string(pod, "status", "reason");
        return reason.isEmpty() ? "" : " (" + reason + ")";
    }

    private static List<Map<String, Object>> containerStatuses(Map<String, Object> pod) {
        List<Map<String, Object>> all = new java.util.ArrayList<>(
                StatusFields.list(Manifests.get(pod, "status", "initContainerStatuses")));
        all.addAll(StatusFields.list(Manifests.get(pod, "status", "containerStatuses")));
        return all;
    }
}
