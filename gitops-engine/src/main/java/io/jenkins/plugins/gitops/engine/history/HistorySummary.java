package io.jenkins.plugins.gitops.engine.history;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compact copies of records older than the ones a target keeps in full, so that delivery metrics over a
 * quarter are possible from the target alone. A summary keeps id, operation, revision, trigger, times,
 * result, health, rolled-back-to and owner (so {@link OwnedHistory} still leaves out other repositories'
 * summaries in a shared namespace or stack); it drops release, message, actor, signer, counts, diff summary and hooks.
 * Summaries older than {@link #MAX_AGE} are dropped, and the oldest go first while the JSON is over
 * {@link #MAX_BYTES} (a ConfigMap holds at most 1 MiB in all; about 220 bytes a summary, so roughly
 * 2,000 deployments).
 */
public final class HistorySummary {
    /** A little more than a year, so that a year-on-year quarter is possible. */
    public static final Duration MAX_AGE = Duration.ofDays(400);
    /** Bytes of summary JSON at most, leaving the rest of a ConfigMap's 1 MiB to the full records. */
    public static final int MAX_BYTES = 512 * 1024;

    private HistorySummary() {
    }

    /** The compact copy of a record. */
    public static DeploymentRecord compact(DeploymentRecord r) {
        return new DeploymentRecord(r.id(), r.environment(), r.operation(), r.revision(), null, r.trigger(), null,
                r.startedAt(), r.finishedAt(), r.result(), null, null, r.healthStatus(), null, r.rolledBackTo(), null,
                null, r.owner(), null);
    }

    /**
     * {@code dropped} (records no longer kept in full, newest first) compacted in front of {@code existing}
     * summaries (newest first), without those older than {@link #MAX_AGE} before {@code now}, and cut from the
     * oldest to fit {@link #MAX_BYTES}.
     */
    public static List<DeploymentRecord> merge(List<DeploymentRecord> dropped, List<DeploymentRecord> existing,
            Instant now) {
        return merge(dropped, existing, now, MAX_BYTES);
    }

    /**
     * As {@link #merge(List, List, Instant)}, cut to {@code maxBytes} of JSON (a store whose unit is smaller than
     * a ConfigMap, such as a Swarm config, passes its own limit); a summary already present is not added twice.
     */
    public static List<DeploymentRecord> merge(List<DeploymentRecord> dropped, List<DeploymentRecord> existing,
            Instant now, int maxBytes) {
        Instant oldest = now.minus(MAX_AGE);
        List<DeploymentRecord> out = new ArrayList<>();
        for (DeploymentRecord r : dropped) {
            out.add(compact(r));
        }
        Set<String> ids = new HashSet<>();
        out.removeIf(r -> !ids.add(r.id()));
        for (DeploymentRecord r : existing) {
            if (ids.add(r.id())) {
                out.add(r);
            }
        }
        out.removeIf(r -> r.startedAt().isBefore(oldest));
        while (!out.isEmpty() && HistoryJson.writeList(out).getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            out = new ArrayList<>(out.subList(0, Math.max(0, out.size() - Math.max(1, out.size() / 20))));
        }
        return out;
    }
}
