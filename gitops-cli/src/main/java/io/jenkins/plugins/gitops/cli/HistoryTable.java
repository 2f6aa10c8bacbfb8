package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Deployment records as a table for people. */
final class HistoryTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private HistoryTable() {
    }

    static void print(List<DeploymentRecord> records, PrintWriter out) {
        if (records.isEmpty()) {
            out.println("no deployments recorded");
            return;
        }
        out.printf("%-36s %-20s %-9s %-12s %-10s %-9s %-11s %-14s %s%n", "RECORD", "STARTED", "OPERATION", "REVISION", "RESULT",
                "TRIGGER", "HEALTH", "CHANGES", "SIGNER");
        for (DeploymentRecord r : records) {
            out.printf("%-36s %-20s %-9s %-12s %-10s %-9s %-11s %-14s %s%s%s%n", r.id(), TIME.format(r.startedAt()),
                    r.operation().name().toLowerCase(java.util.Locale.ROOT), r.shortRevision(),
                    r.result().name().toLowerCase(java.util.Locale.ROOT), r.trigger(),
                    r.healthStatus() == null ? "-" : r.healthStatus(),
                    "+" + r.counts().created() + " ~" + r.counts().updated() + " -" + r.counts().deleted(),
                    r.signer() == null ? "-" : r.signer(), r.rolledBackTo() == null ? "" : "  (back to " + r.rolledBackTo() + ")",
                    r.windowOverride() == null ? "" : "  (window overridden: " + r.windowOverride() + ")");
        }
    }
}
