package io.jenkins.plugins.gitops.engine.delivery;

import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a dashboard shows of an environment: the four figures over a trailing window and the weekly trend,
 * computed from one read of the records.
 *
 * @param figures the figures over {@code [to − window, to)}
 * @param trend   the weekly trend ending at {@code to}
 */
public record DeliveryReport(DeliveryMetrics figures, DeliveryTrend trend) {
    /** The trailing window of dashboards and gauges (the command's default {@code --since 30d}). */
    public static final Duration WINDOW = Duration.ofDays(30);

    /** Figures over {@link #WINDOW} and a {@link DeliveryTrend#DEFAULT_WEEKS}-week trend, both ending at {@code to}. */
    public static DeliveryReport compute(String environment, List<DeploymentRecord> records, CommitLog commits,
            Instant to) {
        CommitLog once = DeliveryTrend.remembering(commits); // the figures and the weeks ask Git the same questions
        return new DeliveryReport(DeliveryCalculator.compute(environment, records, once, to.minus(WINDOW), to),
                DeliveryTrend.compute(environment, records, once, to, DeliveryTrend.DEFAULT_WEEKS));
    }
}
