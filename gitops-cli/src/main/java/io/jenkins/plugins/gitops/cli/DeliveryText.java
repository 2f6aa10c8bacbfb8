package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.delivery.DeliveryFigures;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryMetrics;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;

/** The text form of {@code gitops metrics}: one block per environment, one line per figure with its band. */
final class DeliveryText {
    private DeliveryText() {
    }

    static void print(DeliveryMetrics m, PrintWriter out) {
        out.printf("%s  (%s .. %s%s)%n", m.environment(), m.from().truncatedTo(ChronoUnit.SECONDS),
                m.to().truncatedTo(ChronoUnit.SECONDS), m.coversPeriod() ? "" : m.historyFrom() == null
                        ? "; no deployments recorded" : "; history from " + m.historyFrom().truncatedTo(ChronoUnit.SECONDS));
        for (DeliveryFigures f : DeliveryFigures.of(m)) {
            out.printf("  %-22s %-52s %s%n", f.name(), f.value(), f.band() == null ? "-" : f.band());
        }
    }
}
