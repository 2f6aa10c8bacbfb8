package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.delivery.DeliveryMetrics;
import io.jenkins.plugins.gitops.engine.delivery.DoraBand;
import java.time.Duration;

/**
 * The JSON form of {@code gitops metrics}: one object per environment; durations in seconds, the failure
 * rate as a fraction, times as ISO-8601, absent figures as null; bands lower-case.
 */
record DeliveryJson(String environment, String from, String to, String historyFrom, boolean coversPeriod,
        int deployments, int successfulDeployments, double deploymentsPerDay, double deploymentsPerWeek,
        String deploymentFrequencyBand, int commits, Double leadTimeMedianSeconds, Double leadTimeP90Seconds,
        String leadTimeBand, int changes, int failedChanges, Double changeFailureRate, String changeFailureRateBand,
        int restores, int unrestored, Double timeToRestoreMedianSeconds, String timeToRestoreBand) {

    static DeliveryJson of(DeliveryMetrics m) {
        return new DeliveryJson(m.environment(), m.from().toString(), m.to().toString(),
                m.historyFrom() == null ? null : m.historyFrom().toString(), m.coversPeriod(), m.deployments(),
                m.successfulDeployments(), m.perDay(), m.perWeek(), label(m.frequencyBand()), m.commits(),
                seconds(m.leadTimeMedian()), seconds(m.leadTimeP90()), label(m.leadTimeBand()), m.changes(),
                m.failedChanges(), m.changeFailureRate(), label(m.changeFailureBand()), m.restores(), m.unrestored(),
                seconds(m.timeToRestoreMedian()), label(m.timeToRestoreBand()));
    }

    private static Double seconds(Duration d) {
        return d == null ? null : d.toMillis() / 1000.0;
    }

    private static String label(DoraBand band) {
        return band == null ? null : band.label();
    }
}
