package io.jenkins.plugins.gitops;

import io.jenkins.plugins.gitops.engine.delivery.DeliveryReport;
import io.jenkins.plugins.gitops.engine.pipeline.DriftSchedule;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The delivery figures and weekly trend of each (repository, environment), computed by the engine
 * ({@code GitOps.deliveryReport}) right after the drift worker checks the environment, and kept in memory for
 * the job pages, which never read a target while they render. After a restart the figures come back with
 * the first drift check. A failure keeps the last figures and says why they are not fresh; it never fails the
 * drift check.
 */
final class DeliveryDashboard {
    private static final Logger LOGGER = Logger.getLogger(DeliveryDashboard.class.getName());
    private static final Map<String, Entry> ENTRIES = new ConcurrentHashMap<>();

    /**
     * @param report     the last report computed, or null when none could be
     * @param computedAt when it was computed (or last tried)
     * @param error      why the last try failed (masked), or null
     */
    record Entry(DeliveryReport report, Instant computedAt, String error) {
    }

    private DeliveryDashboard() {
    }

    /** Recomputes an environment's report in the drift worker's session and updates the controller's gauges. */
    static void refresh(EngineSession session, String repository, String environment, Instant now) {
        String key = DriftSchedule.key(repository, environment);
        try {
            DeliveryReport report = session.gitOps().deliveryReport(environment, now);
            ENTRIES.put(key, new Entry(report, now, null));
            GitOpsMetricsAction.metrics().setDelivery(report.figures());
        } catch (RuntimeException e) { // GitOpsException and any other engine failure: never fail the drift check
            String why = session.mask(String.valueOf(e.getMessage()));
            LOGGER.log(Level.FINE, () -> environment + ": delivery figures not refreshed: " + why);
            Entry previous = ENTRIES.get(key);
            ENTRIES.put(key, new Entry(previous == null ? null : previous.report(), now, why));
        }
    }

    /** The last report of an environment, or null before the first drift check since Jenkins started. */
    static Entry get(String repository, String environment) {
        return ENTRIES.get(DriftSchedule.key(repository, environment));
    }

    /** Forgets environments no longer configured ({@link DriftSchedule#key} keys). */
    static void retain(Collection<String> keys) {
        ENTRIES.keySet().retainAll(keys);
    }
}
