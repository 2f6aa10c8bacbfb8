package io.jenkins.plugins.gitops.engine.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The four delivery figures of one environment over {@code [from, to)}, defined in docs/delivery-metrics.md.
 * A figure with nothing to measure is null (no lead time without a deployed commit, no rate without a change).
 *
 * @param deployments           deployments in the period (successful and failed; rollbacks included)
 * @param successfulDeployments of those, the ones that applied and finished healthy or progressing
 * @param perDay                successful deployments per day of the period
 * @param changes               change deployments (syncs and promotions, not rollbacks) in the period
 * @param failedChanges         changes that failed, ended degraded or were rolled back
 * @param changeFailureRate     failedChanges ÷ changes (0.25 = 25 %); null without changes
 * @param commits               commits first deployed to the environment in the period (lead time samples)
 * @param leadTimeMedian        median of author time → healthy deployment; null without commits
 * @param leadTimeP90           90th percentile (nearest rank) of the same
 * @param restores              incidents (failed or degraded deployment) started in the period and restored
 * @param unrestored            incidents started in the period with no healthy deployment yet
 * @param timeToRestoreMedian   median of incident start → next healthy deployment; null without restores
 * @param historyFrom           start of the oldest record available (null: none); after {@code from} when the
 *                              environment is younger than the period or older records were not kept
 */
public record DeliveryMetrics(String environment, Instant from, Instant to, int deployments,
        int successfulDeployments, double perDay, int changes, int failedChanges, Double changeFailureRate,
        int commits, Duration leadTimeMedian, Duration leadTimeP90, int restores, int unrestored,
        Duration timeToRestoreMedian, Instant historyFrom) {

    /** Successful deployments per week (7 days) of the period. */
    public double perWeek() {
        return perDay * 7;
    }

    /** Whether records reach back to the start of the period. */
    public boolean coversPeriod() {
        return historyFrom != null && !historyFrom.isAfter(from);
    }

    public DoraBand frequencyBand() {
        return DoraBand.deploymentFrequency(perDay);
    }

    /** Null when there is no lead time. */
    public DoraBand leadTimeBand() {
        return leadTimeMedian == null ? null : DoraBand.leadTime(leadTimeMedian);
    }

    /** Null when there is no change. */
    public DoraBand changeFailureBand() {
        return changeFailureRate == null ? null : DoraBand.changeFailureRate(changeFailureRate);
    }

    /** Null when nothing was restored. */
    public DoraBand timeToRestoreBand() {
        return timeToRestoreMedian == null ? null : DoraBand.timeToRestore(timeToRestoreMedian);
    }

    /**
     * The figures as plain data, named as {@code gitops metrics --output json} names them: {@code environment},
     * {@code from}, {@code to}, {@code historyFrom} (ISO-8601 strings, historyFrom null without records),
     * {@code coversPeriod}, {@code deployments}, {@code successfulDeployments}, {@code deploymentsPerDay},
     * {@code deploymentsPerWeek}, {@code deploymentFrequencyBand}, {@code commits}, {@code leadTimeMedianSeconds},
     * {@code leadTimeP90Seconds}, {@code leadTimeBand}, {@code changes}, {@code failedChanges},
     * {@code changeFailureRate} (fraction), {@code changeFailureRateBand}, {@code restores}, {@code unrestored},
     * {@code timeToRestoreMedianSeconds}, {@code timeToRestoreBand}. Values are strings, booleans, Integers and
     * Doubles, or null for a figure with nothing to measure; bands are lower-case ({@link DoraBand#label}).
     * Insertion-ordered and mutable (a copy): safe to hand to a Pipeline script.
     */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", environment);
        m.put("from", from.toString());
        m.put("to", to.toString());
        m.put("historyFrom", historyFrom == null ? null : historyFrom.toString());
        m.put("coversPeriod", coversPeriod());
        m.put("deployments", deployments);
        m.put("successfulDeployments", successfulDeployments);
        m.put("deploymentsPerDay", perDay);
        m.put("deploymentsPerWeek", perWeek());
        m.put("deploymentFrequencyBand", label(frequencyBand()));
        m.put("commits", commits);
        m.put("leadTimeMedianSeconds", seconds(leadTimeMedian));
        m.put("leadTimeP90Seconds", seconds(leadTimeP90));
        m.put("leadTimeBand", label(leadTimeBand()));
        m.put("changes", changes);
        m.put("failedChanges", failedChanges);
        m.put("changeFailureRate", changeFailureRate);
        m.put("changeFailureRateBand", label(changeFailureBand()));
        m.put("restores", restores);
        m.put("unrestored", unrestored);
        m.put("timeToRestoreMedianSeconds", seconds(timeToRestoreMedian));
        m.put("timeToRestoreBand", label(timeToRestoreBand()));
        return m;
    }

    /** Seconds with millisecond precision, or null. */
    static Double seconds(Duration d) {
        return d == null ? null : d.toMillis() / 1000.0;
    }

    private static String label(DoraBand band) {
        return band == null ? null : band.label();
    }
}
