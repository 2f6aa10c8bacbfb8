package io.jenkins.plugins.gitops.engine.window;

import io.jenkins.plugins.gitops.engine.model.SyncWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Explains allow and deny windows of one list that overlap: legal (deny wins, as in Argo CD), so these are warnings,
 * not errors; an allow window that some deny window always covers never opens, which is almost certainly a mistake.
 * Openings are looked at from a given instant for {@link #HORIZON}, at most {@link #MAX_OPENINGS} per allow window.
 */
public final class WindowOverlaps {
    public static final Duration HORIZON = Duration.ofDays(366);
    static final int MAX_OPENINGS = 1000;

    private WindowOverlaps() {
    }

    /** One message per overlapping pair (allow, deny), and per allow window that never opens; empty when none. */
    public static List<String> explain(List<SyncWindow> windows, Instant from) {
        List<SyncWindow> allows = windows.stream().filter(w -> w.kind() == SyncWindow.Kind.ALLOW).toList();
        List<SyncWindow> denies = windows.stream().filter(w -> w.kind() == SyncWindow.Kind.DENY).toList();
        List<String> messages = new ArrayList<>();
        if (allows.isEmpty() || denies.isEmpty()) {
            return messages;
        }
        for (SyncWindow allow : allows) {
            CronSchedule allowSchedule = CronSchedule.parse(allow.schedule());
            List<Instant> starts = openings(allow, allowSchedule, from);
            boolean opensSometime = false;
            for (SyncWindow deny : denies) {
                CronSchedule denySchedule = CronSchedule.parse(deny.schedule());
                Optional<Instant> overlap = starts.stream().map(s -> firstOverlap(s, allow.duration(), deny, denySchedule))
                        .flatMap(Optional::stream).findFirst();
                overlap.ifPresent(at -> messages.add(allow.name() + " (allow) and " + deny.name() + " (deny) overlap,"
                        + " first at " + WindowState.format(at.atZone(deny.timeZone())) + ": deny wins there, so"
                        + " syncs are not allowed while both are open (Argo CD's rule)"));
            }
            List<CronSchedule> denySchedules = denies.stream().map(d -> CronSchedule.parse(d.schedule())).toList();
            for (Instant start : starts) {
                if (uncovered(start, allow.duration(), denies, denySchedules)) {
                    opensSometime = true;
                    break;
                }
            }
            if (!starts.isEmpty() && !opensSometime) {
                messages.add(allow.name() + " (allow) never opens: deny windows cover every opening of it in the next "
                        + HORIZON.toDays() + " days; shorten or move the deny windows, or remove this allow window");
            }
        }
        return messages;
    }

    private static List<Instant> openings(SyncWindow window, CronSchedule schedule, Instant from) {
        List<Instant> starts = new ArrayList<>();
        Instant limit = from.plus(HORIZON);
        Optional<Instant> next = schedule.next(from.minus(window.duration()), window.timeZone());
        while (next.isPresent() && next.get().isBefore(limit) && starts.size() < MAX_OPENINGS) {
            starts.add(next.get());
            next = schedule.next(next.get(), window.timeZone());
        }
        return starts;
    }

    /** The first instant of {@code [start, start + duration)} where the deny window is open too. */
    private static Optional<Instant> firstOverlap(Instant start, Duration duration, SyncWindow deny, CronSchedule schedule) {
        if (SyncWindows.isOpen(deny, schedule, start)) {
            return Optional.of(start);
        }
        return schedule.next(start, deny.timeZone()).filter(t -> t.isBefore(start.plus(duration)));
    }

    /** Whether some instant of {@code [start, start + duration)} is outside every deny window. */
    private static boolean uncovered(Instant start, Duration duration, List<SyncWindow> denies,
            List<CronSchedule> schedules) {
        Instant end = start.plus(duration);
        Instant point = start;
        for (int i = 0; i < MAX_OPENINGS && point.isBefore(end); i++) {
            Instant latestEnd = null;
            for (int d = 0; d < denies.size(); d++) {
                SyncWindow deny = denies.get(d);
                Instant at = point;
                Optional<Instant> opening = schedules.get(d).next(point.minus(deny.duration()), deny.timeZone())
                        .filter(s -> !s.isAfter(at));
                if (opening.isPresent()) {
                    Instant closes = opening.get().plus(deny.duration());
                    latestEnd = latestEnd == null || closes.isAfter(latestEnd) ? closes : latestEnd;
                }
            }
            if (latestEnd == null) {
                return true;
            }
            point = latestEnd;
        }
        return false;
    }
}
