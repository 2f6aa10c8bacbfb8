package io.jenkins.plugins.gitops.cli.agent;

import io.jenkins.plugins.gitops.engine.api.DriftReport;
import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * The result of one drift check of one environment: the report, or the error that stopped the check.
 *
 * @param report the drift report (null when the check failed)
 * @param error  why the check failed (null when it ran)
 */
public record CheckOutcome(String environment, Result result, DriftReport report, String error, Duration duration) {

    /** The outcome of one check, from best to worst. */
    public enum Result {
        /** Live matches the last synced revision, and Git has not moved past it. */
        IN_SYNC,
        /** Drift was found and a self-heal or automatic sync brought the environment back in line. */
        HEALED,
        /** Drift was found and left as it is (report-only, pinned, or healing is off). */
        DRIFTED,
        /** The check, or the sync it started, failed. */
        FAILED
    }

    static CheckOutcome of(String environment, DriftReport report, Duration duration) {
        Result result;
        if (report.healed() != null && !report.healed().succeeded()) {
            result = Result.FAILED;
        } else if (report.healed() != null) {
            result = Result.HEALED;
        } else {
            result = report.drifted() ? Result.DRIFTED : Result.IN_SYNC;
        }
        String error = result == Result.FAILED ? "sync after drift failed: " + report.healed().message() : null;
        return new CheckOutcome(environment, result, report, error, duration);
    }

    static CheckOutcome failed(String environment, Throwable error, Duration duration) {
        String message = error.getMessage() == null || error.getMessage().isBlank()
                ? error.getClass().getSimpleName() : error.getMessage();
        return new CheckOutcome(environment, Result.FAILED, null, message, duration);
    }

    /** Whether drift was found, healed or not. */
    public boolean driftFound() {
        return report != null && report.drifted();
    }

    /** Objects changed, deleted or added outside Git (0 when the check failed). */
    public int driftedObjects() {
        return report == null ? 0 : report.driftedObjects();
    }

    /**
     * The log line of this check: environment, result, drifted object ids, healed or not. Names
     * objects only, never their changes, so no value (and no Secret) reaches the log.
     */
    public String logLine() {
        StringBuilder line = new StringBuilder("drift check ").append(environment).append(": ")
                .append(result.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (report != null) {
            line.append(", ").append(report.driftedObjects()).append(" drifted object(s)");
            if (report.driftedObjects() > 0) {
                line.append(" [").append(report.objects().stream().map(CheckOutcome::describe)
                        .collect(Collectors.joining(", "))).append(']');
            }
            if (report.gitAhead()) {
                line.append(", Git ahead (").append(shortRevision(report.lastSyncedRevision())).append(" -> ")
                        .append(shortRevision(report.headRevision())).append(')');
            }
            if (report.lastSyncedRevision() == null) {
                line.append(", never synced");
            }
            if (report.pinned()) {
                line.append(", pinned");
            }
            if (report.healed() == null && report.drifted()) {
                line.append(", not healed");
            } else if (report.healed() != null && report.healed().succeeded()) {
                line.append(", healed: ").append(report.healed().summary());
            }
        }
        if (error != null) {
            line.append(": ").append(error);
        }
        return line.append(" (").append(duration.toMillis()).append(" ms)").toString();
    }

    private static String describe(ObjectResult object) {
        return object.action() == null ? object.id() : object.action() + " " + object.id();
    }

    private static String shortRevision(String revision) {
        return revision != null && revision.length() > 12 ? revision.substring(0, 12) : String.valueOf(revision);
    }
}
