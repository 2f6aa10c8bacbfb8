package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.ProgressListener;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.health.Health;
import io.jenkins.plugins.gitops.engine.health.HealthStatus;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Waits until objects are healthy. Health is first read from the objects already at hand (no API
 * call, so a no-op sync stays cheap); only objects not yet healthy are re-read, every poll interval,
 * until all are healthy, one is degraded (fails at once, with the reason) or the timeout passes.
 */
final class HealthWaiter {
    private final Target target;
    private final SyncOptions options;
    private final Retrier.Sleeper sleeper;
    private final ProgressListener listener;
    private final long deadline;

    HealthWaiter(Target target, SyncOptions options, Retrier.Sleeper sleeper, ProgressListener listener) {
        this.target = target;
        this.options = options;
        this.sleeper = sleeper;
        this.listener = listener;
        this.deadline = System.nanoTime() + options.timeout().toNanos();
    }

    /** Returns null when all are healthy, else the failure message; records health in results. */
    String waitFor(Map<ResourceKey, Resource> objects, Map<ResourceKey, TaskResult> results, String phase) {
        Map<ResourceKey, Health> health = new LinkedHashMap<>();
        objects.forEach((key, live) -> health.put(key, target.health(live)));
        record(health, results);
        long lastReport = 0;
        int polls = 0;
        while (true) {
            Map<ResourceKey, Health> pending = health.entrySet().stream()
                    .filter(e -> e.getValue().status() != HealthStatus.HEALTHY)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
            if (pending.isEmpty()) {
                return null;
            }
            var degraded = pending.entrySet().stream().filter(e -> e.getValue().status() == HealthStatus.DEGRADED).findFirst();
            if (degraded.isPresent()) {
                return phase + ": " + degraded.get().getKey() + " is " + degraded.get().getValue();
            }
            if (System.nanoTime() > deadline) {
                return phase + ": not healthy after " + options.timeout().toSeconds() + "s: " + describe(pending);
            }
            if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
                listener.progress("  waiting for " + pending.size() + " object(s) to become healthy: " + describe(pending));
                lastReport = System.nanoTime();
            }
            try {
                sleeper.sleep(pollDelay(++polls));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return phase + ": interrupted while waiting for health";
            }
            for (ResourceKey key : pending.keySet()) {
                health.put(key, target.get(key).map(target::health).orElse(Health.MISSING));
            }
            record(health, results);
        }
    }

    /**
     * Waits until every object is healthy or degraded (hooks: done, one way or the other), or the timeout
     * passes; returns the last health of each. Unlike {@link #waitFor}, one failure does not stop the wait for
     * the others of the same wave.
     */
    Map<ResourceKey, Health> waitUntilDone(Map<ResourceKey, Resource> objects, String what) {
        Map<ResourceKey, Health> health = new LinkedHashMap<>();
        objects.forEach((key, live) -> health.put(key, target.health(live)));
        long lastReport = System.nanoTime();
        int polls = 0;
        while (true) {
            List<ResourceKey> pending = health.entrySet().stream().filter(e -> !done(e.getValue()))
                    .map(Map.Entry::getKey).toList();
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                return health;
            }
            if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
                listener.progress("  waiting for " + what + ": " + pending.stream().limit(5).map(k -> k + " " + health.get(k))
                        .collect(Collectors.joining(", ")));
                lastReport = System.nanoTime();
            }
            try {
                sleeper.sleep(pollDelay(++polls));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return health;
            }
            for (ResourceKey key : pending) {
                health.put(key, target.get(key).map(target::health).orElse(Health.MISSING));
            }
        }
    }

    /** Waits until none of the keys exists any more (a hook deleted before it is created again); false on timeout. */
    boolean waitGone(ResourceKey key) {
        int polls = 0;
        while (target.get(key).isPresent()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                sleeper.sleep(pollDelay(++polls));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    long secondsAllowed() {
        return options.timeout().toSeconds();
    }

    private static boolean done(Health health) {
        return health.status() == HealthStatus.HEALTHY || health.status() == HealthStatus.DEGRADED;
    }

    /** Short delays first (most rollouts finish fast), growing to the configured poll interval. */
    private Duration pollDelay(int poll) {
        long millis = Math.min(options.pollInterval().toMillis(), 100L << Math.min(poll - 1, 10));
        return Duration.ofMillis(Math.max(1, millis));
    }

    private static void record(Map<ResourceKey, Health> health, Map<ResourceKey, TaskResult> results) {
        health.forEach((key, h) -> results.computeIfPresent(key, (k, r) -> r.withHealth(h)));
    }

    private static String describe(Map<ResourceKey, Health> pending) {
        return pending.entrySet().stream().limit(5).map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + (pending.size() > 5 ? ", ..." : "");
    }
}
