package io.jenkins.plugins.gitops.engine.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An environment's delivery figures week by week, for a trend chart: {@code weeks} consecutive periods of
 * 7 days ending at {@code to}, oldest first, each computed by {@link DeliveryCalculator} exactly as the
 * figures of a whole period are (so a week's deployments are the deployments of docs/delivery-metrics.md,
 * and a commit counts in the week it was first deployed). Weeks are 7×24 hours back from {@code to}, not
 * calendar weeks. A week knows only the records up to its end, as any period does: an incident restored in a
 * later week is {@code unrestored} in the week it started.
 *
 * @param environment the environment's name
 * @param weeks       the weeks, oldest first
 */
public record DeliveryTrend(String environment, List<DeliveryMetrics> weeks) {
    /** Weeks a trend covers by default: a quarter. */
    public static final int DEFAULT_WEEKS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    public DeliveryTrend {
        weeks = List.copyOf(weeks);
    }

    /**
     * The trend over the {@code weeks} weeks before {@code to}.
     *
     * @param records the environment's records in any order (full records and summaries)
     * @throws IllegalArgumentException when {@code weeks} is not between 1 and 520
     */
    public static DeliveryTrend compute(String environment, List<DeploymentRecord> records, CommitLog commits,
            Instant to, int weeks) {
        if (weeks < 1 || weeks > 520) {
            throw new IllegalArgumentException("a trend covers 1 to 520 weeks, not " + weeks);
        }
        CommitLog remembered = remembering(commits);
        List<DeliveryMetrics> out = new ArrayList<>();
        for (int i = weeks; i >= 1; i--) {
            Instant start = to.minus(Duration.ofDays(7L * i));
            out.add(DeliveryCalculator.compute(environment, records, remembered, start, start.plus(Duration.ofDays(7))));
        }
        return new DeliveryTrend(environment, out);
    }

    /** Each week's figures answer the same Git questions: ask Git once per (revision, earlier revisions). */
    static CommitLog remembering(CommitLog commits) {
        Map<String, Map<String, Instant>> seen = new HashMap<>();
        return (revision, before) -> seen.computeIfAbsent(revision + " " + new TreeSet<>(before),
                key -> commits.newCommits(revision, before));
    }

    /**
     * Plain data for a chart: {@code environment}, and {@code weeks}, a list (oldest first) of maps with
     * {@code start} and {@code end} (ISO-8601), {@code deployments}, {@code successfulDeployments},
     * {@code changes}, {@code failedChanges}, {@code leadTimeMedianHours} and {@code timeToRestoreMedianHours}
     * (null in a week with nothing to measure).
     */
    public Map<String, Object> asMap() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DeliveryMetrics w : weeks) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("start", w.from().toString());
            row.put("end", w.to().toString());
            row.put("deployments", w.deployments());
            row.put("successfulDeployments", w.successfulDeployments());
            row.put("changes", w.changes());
            row.put("failedChanges", w.failedChanges());
            row.put("leadTimeMedianHours", hours(w.leadTimeMedian()));
            row.put("timeToRestoreMedianHours", hours(w.timeToRestoreMedian()));
            rows.add(row);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", environment);
        m.put("weeks", rows);
        return m;
    }

    /** {@link #asMap()} as JSON (for a page's data attribute or a JSON response). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(asMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the delivery trend of " + environment + " as JSON", e);
        }
    }

    private static Double hours(Duration d) {
        return d == null ? null : Math.round(d.toMillis() / 36_000.0) / 100.0;
    }
}
