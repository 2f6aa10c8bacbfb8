package io.jenkins.plugins.gitops.engine.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which environments are due for a drift check. The worker ticks often; each environment is checked
 * when its own interval (gitops.yaml {@code driftInterval}) has passed since its last check, but never
 * more often than the global floor. Keys are {@code repository + " " + environment}.
 */
public final class DriftSchedule {
    private final Map<String, Instant> lastChecked = new HashMap<>();

    /** Keys of {@code intervals} that are due at {@code now}, in the order given. */
    public synchronized List<String> due(Map<String, Duration> intervals, Duration floor, Instant now) {
        List<String> due = new ArrayList<>();
        for (Map.Entry<String, Duration> entry : intervals.entrySet()) {
            Duration interval = entry.getValue() == null ? floor : entry.getValue();
            if (floor != null && interval.compareTo(floor) < 0) {
                interval = floor;
            }
            Instant last = lastChecked.get(entry.getKey());
            if (last == null || !now.isBefore(last.plus(interval))) {
                due.add(entry.getKey());
            }
        }
        return due;
    }

    /** Records a check (successful or not) so the environment waits a full interval again. */
    public synchronized void checked(String key, Instant at) {
        lastChecked.put(key, at);
    }

    /** Forgets environments no longer configured. */
    public synchronized void retain(java.util.Collection<String> keys) {
        lastChecked.keySet().retainAll(keys);
    }

    public static String key(String repository, String environment) {
        return repository + " " + environment;
    }
}
