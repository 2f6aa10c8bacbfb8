package io.jenkins.plugins.gitops.engine.model;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of an environment's {@code windows:} in gitops.yaml (docs/windows.md), validated. Follows Argo CD's
 * {@code SyncWindow} of an AppProject ({@code pkg/apis/application/v1alpha1/types.go}: {@code kind},
 * {@code schedule}, {@code duration}, {@code timeZone}, {@code manualSync}): the window opens at every time the
 * cron {@code schedule} matches on the wall clock of {@code timeZone} and stays open for {@code duration}.
 *
 * @param name     where it was written, for messages: {@code environments.production.windows[0]} or
 *                 {@code defaults.windows[1]}
 * @param schedule a standard five-field cron expression (minute hour day-of-month month day-of-week), as written
 * @param duration how long each opening lasts (elapsed time, positive)
 * @param timeZone the zone the schedule is read in (UTC when not written, as Argo CD)
 * @param applies  {@link Applies#ALL} (default) restricts every operation; {@link Applies#AUTOMATIC} only automatic
 *                 syncs and self-heal (Argo CD's {@code manualSync: true})
 */
public record SyncWindow(String name, Kind kind, String schedule, Duration duration, ZoneId timeZone, Applies applies) {

    /** {@code allow}: syncs only while open (when any allow window exists); {@code deny}: no syncs while open. */
    public enum Kind {
        ALLOW, DENY;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which operations the window restricts. */
    public enum Applies {
        /** Automatic syncs and self-heal only; manual syncs, promotions and rollbacks are not restricted. */
        AUTOMATIC,
        /** Every operation: automatic ones are deferred, manual ones refused unless overridden. */
        ALL;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SyncWindow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(duration, "duration");
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        applies = applies == null ? Applies.ALL : applies;
    }

    /** Whether a manual operation (sync, promotion, rollback) is restricted by this window. */
    public boolean restrictsManual() {
        return applies == Applies.ALL;
    }

    /** {@code deny window defaults.windows[0] (schedule '0 22 * * *' for 8h, Europe/Berlin)}. */
    public String describe() {
        return kind.yamlName() + " window " + name + " (schedule '" + schedule + "' for " + formatDuration(duration)
                + ", " + timeZone.getId() + (applies == Applies.AUTOMATIC ? ", automatic syncs only" : "") + ")";
    }

    private static String formatDuration(Duration d) {
        StringBuilder out = new StringBuilder();
        if (d.toHours() > 0) {
            out.append(d.toHours()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            out.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0 || out.isEmpty()) {
            out.append(d.toSecondsPart()).append('s');
        }
        return out.toString();
    }
}
