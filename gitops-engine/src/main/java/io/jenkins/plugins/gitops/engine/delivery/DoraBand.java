package io.jenkins.plugins.gitops.engine.delivery;

import java.time.Duration;
import java.util.Locale;

/**
 * The software delivery performance levels of the 2023 Accelerate State of DevOps report (DORA, Google
 * Cloud, v. 2023-12, chapter 1 "How do you compare?"), read as upper bounds per metric, the first band met
 * wins: frequency on demand (taken as at least daily) / daily to weekly / weekly to monthly; lead time under
 * a day / a week / a month; change failure rate 5 % / 10 % / 15 % (low: 64 %); failed deployment recovery
 * under an hour / a day / a week (low: one to six months). A month is 30 days. docs/delivery-metrics.md has
 * the table, how it was checked, and why the 2024 report's clusters (change failure rate 5/20/10/40 %) are
 * not used.
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
