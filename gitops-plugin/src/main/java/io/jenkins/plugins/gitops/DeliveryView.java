package io.jenkins.plugins.gitops;

import hudson.model.Job;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryFigures;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The delivery section of a job's Environments page: for each environment the job deployed, the four
 * figures of the last 30 days with their DORA band, and a 12-week trend chart (echarts-api, drawn by
 * {@code DeliveryView/delivery-trend.js} from the JSON in the chart element's {@code data-trend} attribute).
 * Everything comes from {@link DeliveryDashboard}: rendering reads no target and no build.
 */
public final class DeliveryView {
    private final Job<?, ?> job;

    DeliveryView(Job<?, ?> job) {
        this.job = job;
    }

    public List<Row> getRows() {
        List<Row> rows = new ArrayList<>();
        for (DeployedEnvironment e : JobDeployments.of(job).getEnvironments()) {
            rows.add(new Row(e.getRepository(), e.getEnvironment(),
                    DeliveryDashboard.get(e.getRepository(), e.getEnvironment())));
        }
        return rows;
    }

    /** One environment's figures, or why there are none yet. */
    public static final class Row {
        private final String repository;
        private final String environment;
        private final DeliveryDashboard.Entry entry;

        Row(String repository, String environment, DeliveryDashboard.Entry entry) {
            this.repository = repository;
            this.environment = environment;
            this.entry = entry;
        }

        public String getRepository() {
            return repository;
        }

        public String getEnvironment() {
            return environment;
        }

        private DeliveryReport report() {
            return entry == null ? null : entry.report();
        }

        /** The four figures with their bands; empty before the first computation. */
        public List<DeliveryFigures> getFigures() {
            return report() == null ? List.of() : DeliveryFigures.of(report().figures());
        }

        /** The period of the figures, as {@code from .. to} in ISO-8601, or null. */
        public String getPeriod() {
            return report() == null ? null : report().figures().from() + " .. " + report().figures().to();
        }

        /** When the figures were computed or last tried, or null. */
        public Instant getComputedAt() {
            return entry == null ? null : entry.computedAt();
        }

        /** Why the last computation failed (masked), or null. */
        public String getError() {
            return entry == null ? null : entry.error();
        }

        /** The trend as JSON for the chart ({@code DeliveryTrend.asMap()}), or null. */
        public String getTrendJson() {
            return report() == null ? null : report().trend().toJson();
        }
    }
}
