package io.jenkins.plugins.gitops.engine.delivery;

import java.time.Duration;
import java.util.Locale;

/**
 * The software delivery performance clusters of the 2023 Accelerate State of DevOps report (DORA,
 * Google Cloud), read as upper bounds per metric; see docs/delivery-metrics.md for the table, the
 * reading of its overlapping medium and low rows, and the source.
 */
public enum DoraBand {
    ELITE, HIGH, MEDIUM, LOW;

    /** Lower-case name as printed and exported ({@code elite}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Elite: at least daily ("on demand"); high: at least weekly; medium: at least monthly (30 days). */
    public static DoraBand deploymentFrequency(double perDay) {
        return perDay >= 1 ? ELITE : perDay >= 1.0 / 7 ? HIGH : perDay >= 1.0 / 30 ? MEDIUM : LOW;
    }

    /** Elite: under a day; high: under a week; medium: under a month (30 days). */
    public static DoraBand leadTime(Duration median) {
        return below(median, Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30));
    }

    /** Elite: at most 5 %; high: at most 10 %; medium: at most 15 % (rate as a fraction, 0.05 = 5 %). */
    public static DoraBand changeFailureRate(double rate) {
        return rate <= 0.05 ? ELITE : rate <= 0.10 ? HIGH : rate <= 0.15 ? MEDIUM : LOW;
    }

    /** Elite: under an hour; high: under a day; medium: under a week. */
    public static DoraBand timeToRestore(Duration median) {
        return below(median, Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7));
    }

    private static DoraBand below(Duration value, Duration elite, Duration high, Duration medium) {
        return value.compareTo(elite) < 0 ? ELITE : value.compareTo(high) < 0 ? HIGH
                : value.compareTo(medium) < 0 ? MEDIUM : LOW;
    }
}
