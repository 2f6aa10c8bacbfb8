package io.jenkins.plugins.gitops.engine.cluster.swarm;

import io.jenkins.plugins.gitops.engine.health.Health;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Health of a Swarm service from its inspect answer and its tasks. Converged (Healthy) means: no
 * update running, and one running task per replica (replicated) or per node the orchestrator chose
 * (global). A paused or rolled-back update is Degraded, and so is a slot whose newest task failed
 * and will not be replaced (restart condition none) or that keeps failing (a crash loop); the
 * message carries the task's error.
 */
public final class ServiceConvergence {
    /** A slot that failed this many times is crash-looping, whatever the restart policy. */
    static final int CRASH_LOOP_FAILURES = 3;
    private static final Set<String> FAILED = Set.of("failed", "rejected");

    private ServiceConvergence() {
    }

    /** How long a task must have been running to count, unless the service's UpdateConfig.Monitor says otherwise (Docker's default). */
    static final Duration DEFAULT_STABLE_FOR = Duration.ofSeconds(5);

    /**
     * @param now the time to judge task stability against: a task counts as running once it has run
     *            for the update monitor period (5s by default), as {@code docker service create} waits,
     *            so a command that exits after a second is not briefly Healthy
     */
    public static Health evaluate(Map<String, Object> service, List<Map<String, Object>> tasks, Instant now) {
        String name = Manifests.string(service, "Spec", "Name");
        String updateState = Manifests.string(service, "UpdateStatus", "State");
        String updateMessage = Manifests.string(service, "UpdateStatus", "Message");
        String lastError = latestError(tasks);
        if (updateState != null) {
            switch (updateState) {
                case "updating", "rollback_started":
                    return Health.progressing("service " + name + ": " + updateState.replace('_', ' ')
                            + (updateMessage == null ? "" : ": " + updateMessage));
                case "paused", "rollback_paused", "rollback_completed":
                    return Health.degraded("service " + name + ": update " + updateState.replace('_', ' ')
                            + (updateMessage == null ? "" : ": " + updateMessage)
                            + (lastError == null ? "" : "; task error: " + lastError));
                default:
                    break; // completed: judge by tasks
            }
        }
        boolean global = Manifests.get(service, "Spec", "Mode", "Global") != null;
        String updatedAt = Manifests.string(service, "UpdatedAt");
        Map<String, Map<String, Object>> newest = new LinkedHashMap<>();
        Map<String, Integer> failures = new LinkedHashMap<>();
        for (Map<String, Object> task : tasks) {
            String slot = global ? Manifests.string(task, "NodeID") : Manifests.string(task, "Slot");
            if (FAILED.contains(Manifests.string(task, "Status", "State")) && !before(task, updatedAt)) {
                failures.merge(slot, 1, Integer::sum);
            }
            newest.merge(slot, task, (a, b) -> NEWEST.compare(a, b) >= 0 ? a : b);
        }
        long desired;
        if (global) {
            desired = tasks.stream().filter(t -> "running".equals(t.get("DesiredState"))).map(t -> t.get("NodeID"))
                    .distinct().count();
        } else {
            Object replicas = Manifests.get(service, "Spec", "Mode", "Replicated", "Replicas");
            desired = replicas == null ? 1 : ((Number) replicas).longValue();
        }
        Object monitor = Manifests.get(service, "Spec", "UpdateConfig", "Monitor");
        Duration stableFor = monitor instanceof Number n && n.longValue() > 0 ? Duration.ofNanos(n.longValue())
                : DEFAULT_STABLE_FOR;
        // Only tasks of the current container spec count: right after an update call the old tasks
        // still run and the daemon has not set UpdateStatus yet.
        Object currentSpec = Manifests.get(service, "Spec", "TaskTemplate", "ContainerSpec");
        List<Map<String, Object>> runningTasks = newest.values().stream()
                .filter(t -> "running".equals(Manifests.string(t, "Status", "State"))
                        && "running".equals(t.get("DesiredState"))
                        && java.util.Objects.equals(currentSpec, Manifests.get(t, "Spec", "ContainerSpec")))
                .toList();
        long running = runningTasks.size();
        long stable = runningTasks.stream().filter(t -> !runningSince(t).plus(stableFor).isAfter(now)).count();
        String counts = running + "/" + desired + " tasks running";
        boolean neverRestarts = "none".equals(Manifests.string(service, "Spec", "TaskTemplate", "RestartPolicy", "Condition"));
        for (Map.Entry<String, Map<String, Object>> e : newest.entrySet()) {
            String state = Manifests.string(e.getValue(), "Status", "State");
            boolean finalFailure = FAILED.contains(state) && neverRestarts;
            boolean crashLoop = !"running".equals(state) && failures.getOrDefault(e.getKey(), 0) >= CRASH_LOOP_FAILURES;
            if (finalFailure || crashLoop) {
                return Health.degraded("service " + name + ": " + counts + "; task error: "
                        + (lastError == null ? state : lastError));
            }
        }
        if (stable >= desired) {
            return Health.healthy(counts);
        }
        if (running >= desired) {
            return Health.progressing("service " + name + ": " + counts + ", waiting " + stableFor.toSeconds()
                    + "s to see they stay up");
        }
        return Health.progressing("service " + name + ": " + counts);
    }

    private static final Comparator<Map<String, Object>> NEWEST = Comparator
            .comparing((Map<String, Object> t) -> Instant.parse(String.valueOf(t.get("CreatedAt"))))
            .thenComparing(t -> ((Number) Manifests.get(t, "Version", "Index")).longValue());

    private static Instant runningSince(Map<String, Object> task) {
        try {
            return Instant.parse(Manifests.string(task, "Status", "Timestamp"));
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    /** Whether a task was created before the service's last spec change (failures of older specs do not count). */
    private static boolean before(Map<String, Object> task, String updatedAt) {
        String created = Manifests.string(task, "CreatedAt");
        if (updatedAt == null || created == null) {
            return false;
        }
        try {
            return Instant.parse(created).isBefore(Instant.parse(updatedAt));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The error of the most recent task that has one (what {@code docker service ps} shows in ERROR). */
    static String latestError(List<Map<String, Object>> tasks) {
        return tasks.stream().filter(t -> Manifests.get(t, "Status", "Err") != null)
                .max(Comparator.comparing(t -> String.valueOf(Manifests.get(t, "Status", "Timestamp"))))
                .map(t -> Manifests.string(t, "Status", "Err")).orElse(null);
    }
}
