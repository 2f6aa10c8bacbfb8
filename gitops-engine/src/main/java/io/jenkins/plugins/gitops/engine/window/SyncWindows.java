package io.jenkins.plugins.gitops.engine.window;

import io.jenkins.plugins.gitops.engine.model.SyncWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Evaluates the deployment windows of one environment, with the rules of Argo CD's
 * {@code SyncWindows.canSyncAtTime} ({@code pkg/apis/application/v1alpha1/types.go}):
 * <ol>
 * <li>no windows: always open;</li>
 * <li>inside a deny window: closed (deny wins over allow); a manual operation passes only when every active deny
 *     window has {@code applies: automatic} (Argo CD: {@code manualSync} on all of them);</li>
 * <li>otherwise inside an allow window: open;</li>
 * <li>otherwise, when allow windows exist: closed; a manual operation passes only when every allow window has
 *     {@code applies: automatic};</li>
 * <li>otherwise open.</li>
 * </ol>
 * A window is open from each time its schedule matches until {@code duration} later: {@code [start, start + duration)}.
 * Unlike Argo CD, which shifts the schedule by the zone's UTC offset at the moment of the check, schedules are read
 * on the zone's wall clock at every instant ({@link CronSchedule} for daylight saving time).
 */
public final class SyncWindows {
    /** How far ahead the next change is looked for. */
    public static final Duration HORIZON = Duration.ofDays(400);
    private static final Duration FIRST_CHUNK = Duration.ofDays(7);

    private record Compiled(SyncWindow window, CronSchedule schedule) {
    }

    private final List<Compiled> windows;

    /** {@code windows} must have been validated (their schedules parse). */
    public SyncWindows(List<SyncWindow> windows) {
        this.windows = windows.stream().map(w -> new Compiled(w, CronSchedule.parse(w.schedule()))).toList();
    }

    /** The state at {@code at}, with the next change of each kind of operation. */
    public WindowState stateAt(Instant at) {
        if (windows.isEmpty()) {
            return WindowState.always(at);
        }
        List<Occurrences> occurrences = windows.stream().map(c -> new Occurrences(c.window(), c.schedule(), at)).toList();
        occurrences.forEach(o -> o.ensure(at));
        List<SyncWindow> active = active(occurrences, at);
        boolean automatic = allowed(false, active);
        boolean manual = allowed(true, active);
        return new WindowState(at, true, automatic, manual, active, automatic ? null : reason(false, active),
                manual ? null : reason(true, active), nextChange(occurrences, at, false, automatic),
                nextChange(occurrences, at, true, manual));
    }

    private static List<SyncWindow> active(List<Occurrences> occurrences, Instant at) {
        return occurrences.stream().filter(o -> o.isOpen(at)).map(Occurrences::window).toList();
    }

    private boolean allowed(boolean manual, List<SyncWindow> active) {
        List<SyncWindow> deny = active.stream().filter(w -> w.kind() == SyncWindow.Kind.DENY).toList();
        if (!deny.isEmpty()) {
            return manual && deny.stream().noneMatch(SyncWindow::restrictsManual);
        }
        if (active.stream().anyMatch(w -> w.kind() == SyncWindow.Kind.ALLOW)) {
            return true;
        }
        List<SyncWindow> allows = windows.stream().map(Compiled::window).filter(w -> w.kind() == SyncWindow.Kind.ALLOW)
                .toList();
        return allows.isEmpty() || manual && allows.stream().noneMatch(SyncWindow::restrictsManual);
    }

    private String reason(boolean manual, List<SyncWindow> active) {
        List<SyncWindow> deny = active.stream().filter(w -> w.kind() == SyncWindow.Kind.DENY)
                .filter(w -> !manual || w.restrictsManual()).toList();
        if (!deny.isEmpty()) {
            return "inside " + deny.stream().map(SyncWindow::describe).collect(Collectors.joining(", "));
        }
        List<SyncWindow> allows = windows.stream().map(Compiled::window).filter(w -> w.kind() == SyncWindow.Kind.ALLOW)
                .filter(w -> !manual || w.restrictsManual()).toList();
        return "outside every allow window (" + allows.stream().map(SyncWindow::describe)
                .collect(Collectors.joining(", ")) + ")";
    }

    /**
     * The first instant after {@code at} where the state for that kind of operation differs from {@code now}: only a
     * window's start or end can change it, so those are visited in order, a week first, then doubling, up to
     * {@link #HORIZON} (or as far as {@link Occurrences#MAX_OPENINGS} reach). Manual operations that no window
     * restricts never change.
     */
    private ZonedDateTime nextChange(List<Occurrences> occurrences, Instant at, boolean manual, boolean now) {
        if (manual && windows.stream().map(Compiled::window).noneMatch(SyncWindow::restrictsManual)) {
            return null;
        }
        Instant limit = at.plus(HORIZON);
        Instant cursor = at;
        Duration chunk = FIRST_CHUNK;
        while (cursor.isBefore(limit)) {
            Instant until = cursor.plus(chunk).isAfter(limit) ? limit : cursor.plus(chunk);
            boolean complete = true;
            for (Occurrences o : occurrences) {
                complete &= o.ensure(until);
            }
            Instant known = until;
            for (Occurrences o : occurrences) {
                Instant k = o.known(until);
                known = k.isBefore(known) ? k : known;
            }
            List<Occurrences.Boundary> boundaries = new ArrayList<>();
            for (Occurrences o : occurrences) {
                o.boundaries(cursor, known, boundaries);
            }
            boundaries.sort(Comparator.comparing(Occurrences.Boundary::at));
            for (Occurrences.Boundary b : boundaries) {
                if (allowed(manual, active(occurrences, b.at())) != now) {
                    return b.at().atZone(b.window().timeZone());
                }
            }
            if (!complete) {
                return null;
            }
            cursor = until;
            chunk = chunk.multipliedBy(2);
        }
        return null;
    }
}
