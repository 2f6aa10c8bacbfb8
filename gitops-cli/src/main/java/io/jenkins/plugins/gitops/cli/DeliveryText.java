package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.config.Durations;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryMetrics;
import io.jenkins.plugins.gitops.engine.delivery.DoraBand;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The text form of {@code gitops metrics}: one block per environment, one line per figure with its band. */
final class DeliveryText {
    private DeliveryText() {
    }

    static void print(DeliveryMetrics m, PrintWriter out) {
        out.printf("%s  (%s .. %s%s)%n", m.environment(), m.from().truncatedTo(ChronoUnit.SECONDS),
                m.to().truncatedTo(ChronoUnit.SECONDS), m.coversPeriod() ? "" : m.historyFrom() == null
                        ? "; no deployments recorded" : "; history from " + m.historyFrom().truncatedTo(ChronoUnit.SECONDS));
        line(out, "deployment frequency", String.format(Locale.ROOT, "%.2f/day, %.2f/week (%d deployments, %d successful)",
                m.perDay(), m.perWeek(), m.deployments(), m.successfulDeployments()), m.frequencyBand());
        line(out, "lead time for changes", m.leadTimeMedian() == null ? "n/a (no commit deployed)"
                : "median " + human(m.leadTimeMedian()) + ", p90 " + human(m.leadTimeP90()) + " (" + m.commits()
                        + " commits)", m.leadTimeBand());
        line(out, "change failure rate", m.changeFailureRate() == null ? "n/a (no change deployed)"
                : String.format(Locale.ROOT, "%.0f%% (%d of %d changes)", m.changeFailureRate() * 100, m.failedChanges(),
                        m.changes()), m.changeFailureBand());
        line(out, "time to restore", (m.timeToRestoreMedian() == null ? "n/a (nothing restored)"
                : "median " + human(m.timeToRestoreMedian()) + " (" + m.restores() + " restored)")
                + (m.unrestored() > 0 ? ", " + m.unrestored() + " not restored yet" : ""), m.timeToRestoreBand());
    }

    private static void line(PrintWriter out, String figure, String value, DoraBand band) {
        out.printf("  %-22s %-52s %s%n", figure, value, band == null ? "-" : band.label());
    }

    /** Whole seconds, with days for long ones: {@code 2d3h0m0s}, {@code 45s}. */
    static String human(Duration d) {
        Duration s = d.truncatedTo(ChronoUnit.SECONDS);
        long days = s.toDays();
        return days > 0 ? days + "d" + Durations.format(s.minusDays(days)) : Durations.format(s);
    }
}
