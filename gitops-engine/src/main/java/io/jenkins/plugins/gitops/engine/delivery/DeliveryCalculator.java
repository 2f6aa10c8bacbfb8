package io.jenkins.plugins.gitops.engine.delivery;

import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Computes {@link DeliveryMetrics} from an environment's deployment records and the commits they
 * deployed. Pure: the period, the records and the commit log are all given. The rules (what is a
 * deployment, a change, a failure, an incident) are those of docs/delivery-metrics.md:
 * <ul>
 * <li>a record <em>reached</em> the environment when it has a health status (a failure before the first
 * write, such as a render error or a refused policy, has none and counts nowhere);</li>
 * <li>a <em>deployment</em> is a sync, promotion or rollback that reached the environment and either failed
 * or applied another revision than the one running (a re-sync of the running revision is none; after a
 * failure that reached the environment, what runs is unknown and the next success is one; self-heal never is one);</li>
 * <li>a <em>change</em> is a deployment that is not a rollback; it <em>failed</em> when it failed, ended
 * Degraded, or the next deployment was a rollback;</li>
 * <li>an <em>incident</em> starts at the end of a failed change or failed/degraded deployment and ends
 * at the end of the next record that applied and ended Healthy.</li>
 * </ul>
 */
public final class DeliveryCalculator {
    /** Commits counted per deployment at most (a first sync of a long history is capped, not walked). */
    static final int MAX_COMMITS_PER_DEPLOYMENT = 10_000;
    private static final String HEALTHY = "Healthy";
    private static final String DEGRADED = "Degraded";

    private DeliveryCalculator() {
    }

    /**
     * The figures of {@code environment} over {@code [from, to)}.
     *
     * @param records records of the environment in any order (records at or after {@code to} are ignored)
     * @throws IllegalArgumentException when {@code from} is not before {@code to}
     */
    public static DeliveryMetrics compute(String environment, List<DeploymentRecord> records, CommitLog commits,
            Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must start before it ends: " + from + " .. " + to);
        }
        List<DeploymentRecord> ordered = records.stream().filter(r -> environment.equals(r.environment()))
                .filter(r -> r.startedAt().isBefore(to))
                .sorted(Comparator.comparing(DeploymentRecord::startedAt).thenComparing(DeploymentRecord::id)).toList();
        List<DeploymentRecord> deployments = deployments(ordered);
        Set<DeploymentRecord> failedChanges = failedChanges(deployments);

        int inPeriod = 0;
        int successful = 0;
        int changes = 0;
        int failed = 0;
        for (DeploymentRecord d : deployments) {
            if (!in(d, from, to)) {
                continue;
            }
            inPeriod++;
            successful += successful(d) ? 1 : 0;
            if (d.operation() != Operation.ROLLBACK) {
                changes++;
                failed += failedChanges.contains(d) ? 1 : 0;
            }
        }
        List<Duration> leadTimes = leadTimes(ordered, deployments, commits, from, to);
        Incidents incidents = incidents(ordered, Set.copyOf(deployments), failedChanges, from, to);
        double days = Duration.between(from, to).toMillis() / 86_400_000.0;
        return new DeliveryMetrics(environment, from, to, inPeriod, successful, successful / days, changes, failed,
                changes == 0 ? null : (double) failed / changes, leadTimes.size(), Percentiles.median(leadTimes),
                Percentiles.nearestRank(leadTimes, 90), incidents.restored.size(), incidents.unrestored,
                Percentiles.median(incidents.restored), ordered.isEmpty() ? null : ordered.get(0).startedAt());
    }

    /** The deployments among chronological records. */
    static List<DeploymentRecord> deployments(List<DeploymentRecord> ordered) {
        List<DeploymentRecord> out = new ArrayList<>();
        String running = null;
        for (DeploymentRecord r : ordered) {
            if (!reached(r)) {
                continue;
            }
            if (r.operation() != Operation.SELF_HEAL && (!r.succeeded() || !Objects.equals(r.revision(), running))) {
                out.add(r);
            }
            // a failure that reached the environment may have applied part of its revision: what runs is unknown
            running = r.succeeded() ? r.revision() : null;
        }
        return out;
    }

    private static Set<DeploymentRecord> failedChanges(List<DeploymentRecord> deployments) {
        Set<DeploymentRecord> failed = new LinkedHashSet<>();
        for (int i = 0; i < deployments.size(); i++) {
            DeploymentRecord d = deployments.get(i);
            boolean rolledBack = i + 1 < deployments.size() && deployments.get(i + 1).operation() == Operation.ROLLBACK;
            if (d.operation() != Operation.ROLLBACK && (!successful(d) || rolledBack)) {
                failed.add(d);
            }
        }
        return failed;
    }

    /**
     * Author time → end of the first successful deployment of each commit, for changes in the period. A
     * commit reachable from a revision that an earlier record applied successfully was deployed then.
     */
    private static List<Duration> leadTimes(List<DeploymentRecord> ordered, List<DeploymentRecord> deployments,
            CommitLog log, Instant from, Instant to) {
        Set<DeploymentRecord> isDeployment = Set.copyOf(deployments);
        Set<String> deployedBefore = new LinkedHashSet<>();
        List<Duration> out = new ArrayList<>();
        for (DeploymentRecord r : ordered) {
            if (!successful(r) || r.revision() == null) {
                continue;
            }
            if (isDeployment.contains(r) && r.operation() != Operation.ROLLBACK && in(r, from, to)
                    && !deployedBefore.contains(r.revision())) {
                Map<String, Instant> fresh = log.newCommits(r.revision(), List.copyOf(deployedBefore));
                fresh.values().stream().limit(MAX_COMMITS_PER_DEPLOYMENT).forEach(authored -> {
                    Duration lead = Duration.between(authored, end(r));
                    out.add(lead.isNegative() ? Duration.ZERO : lead);
                });
            }
            deployedBefore.add(r.revision());
        }
        return out;
    }

    private record Incidents(List<Duration> restored, int unrestored) {
    }

    private static Incidents incidents(List<DeploymentRecord> ordered, Set<DeploymentRecord> deployments,
            Set<DeploymentRecord> failedChanges, Instant from, Instant to) {
        List<Duration> restored = new ArrayList<>();
        int unrestored = 0;
        Instant open = null;
        for (DeploymentRecord r : ordered) {
            if (open != null && r.succeeded() && HEALTHY.equals(r.healthStatus())) {
                if (!open.isBefore(from)) {
                    restored.add(Duration.between(open, end(r)));
                }
                open = null;
            }
            boolean bad = failedChanges.contains(r) || deployments.contains(r) && !successful(r);
            if (open == null && bad) {
                open = end(r);
            }
        }
        if (open != null && !open.isBefore(from) && open.isBefore(to)) {
            unrestored++;
        }
        return new Incidents(restored, unrestored);
    }

    private static boolean reached(DeploymentRecord r) {
        return r.healthStatus() != null;
    }

    /** Applied and not left degraded. */
    private static boolean successful(DeploymentRecord r) {
        return r.succeeded() && reached(r) && !DEGRADED.equals(r.healthStatus());
    }

    private static boolean in(DeploymentRecord r, Instant from, Instant to) {
        Instant t = end(r);
        return !t.isBefore(from) && t.isBefore(to);
    }

    private static Instant end(DeploymentRecord r) {
        return r.finishedAt() != null ? r.finishedAt() : r.startedAt();
    }
}
