package io.jenkins.plugins.gitops.engine.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Median and nearest-rank percentiles of durations. */
final class Percentiles {
    private Percentiles() {
    }

    /** The middle value; the mean of the two middle values for an even count; null when empty. */
    static Duration median(List<Duration> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = sorted(values);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    /** Nearest rank: the smallest value with at least {@code p} percent of the values at or below it; null when empty. */
    static Duration nearestRank(List<Duration> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = sorted(values);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static List<Duration> sorted(List<Duration> values) {
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted;
    }
}
