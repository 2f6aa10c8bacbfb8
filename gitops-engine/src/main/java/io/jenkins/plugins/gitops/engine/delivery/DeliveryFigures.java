package io.jenkins.plugins.gitops.engine.delivery;

import io.jenkins.plugins.gitops.engine.config.Durations;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The four figures of {@link DeliveryMetrics} as lines for people (the text of {@code gitops metrics} and the
 * Jenkins job page), one per figure with its band, in DORA's order: deployment frequency, lead time for changes,
 * change failure rate, time to restore.
 *
 * @param name  the figure's name ({@code lead time for changes})
 * @param value its value with what it was counted from ({@code median 2h30m0s, p90 1d4h0m0s (31 commits)}),
 *              or {@code n/a (...)} saying why there is none
 * @param band  the lower-case band ({@code high}), or null when there is no value
 */
public record DeliveryFigures(String name, String value, String band) {

    /** The four lines of {@code m}. */
    public static List<DeliveryFigures> of(DeliveryMetrics m) {
        return List.of(
                new DeliveryFigures("deployment frequency", String.format(Locale.ROOT,
                        "%.2f/day, %.2f/week (%d deployments, %d successful)", m.perDay(), m.perWeek(), m.deployments(),
                        m.successfulDeployments()), label(m.frequencyBand())),
                new DeliveryFigures("lead time for changes", m.leadTimeMedian() == null ? "n/a (no commit deployed)"
                        : "median " + human(m.leadTimeMedian()) + ", p90 " + human(m.leadTimeP90()) + " ("
                                + m.commits() + (m.commits() == 1 ? " commit)" : " commits)"), label(m.leadTimeBand())),
                new DeliveryFigures("change failure rate", m.changeFailureRate() == null ? "n/a (no change deployed)"
                        : String.format(Locale.ROOT, "%.0f%% (%d of %d changes)", m.changeFailureRate() * 100,
                                m.failedChanges(), m.changes()), label(m.changeFailureBand())),
                new DeliveryFigures("time to restore", (m.timeToRestoreMedian() == null ? "n/a (nothing restored)"
                        : "median " + human(m.timeToRestoreMedian()) + " (" + m.restores() + " restored)")
                        + (m.unrestored() > 0 ? ", " + m.unrestored() + " not restored yet" : ""),
                        label(m.timeToRestoreBand())));
    }

    /** Whole seconds, with days for long ones: {@code 2d3h0m0s}, {@code 45s}. */
    public static String human(Duration d) {
        Duration s = d.truncatedTo(ChronoUnit.SECONDS);
        long days = s.toDays();
        return days > 0 ? days + "d" + Durations.format(s.minusDays(days)) : Durations.format(s);
    }

    private static String label(DoraBand band) {
        return band == null ? null : band.label();
    }
}
