package io.jenkins.plugins.gitops.engine.window;

import io.jenkins.plugins.gitops.engine.model.SyncWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private static final int MAX_STEPS = 20_000;

    private record Compiled(SyncWindow window, CronSchedule schedule) {
    }

    private final List<Compiled> windows;

    /** {@code windows} must have been validated (their schedules parse). */
    public SyncWindows(List<SyncWindow> windows) {
        this.windows = windows.stream().map(w -> new Compiled(w, CronSchedule.parse(w.schedule()))).toList();
    }

    /** Whether the window is open at {@code at}: a start in {@code (at - duration, at]}. */
    public static boolean isOpen(SyncWindow window, CronSchedule schedule, Instant at) {
        Optional<Instant> start = schedule.next(at.minus(window.duration()), window.timeZone());
        return start.isPresent() && !start.get().isAfter(at);
    }

    /** The state at {@code at}, with the next change of each kind of operation. */
    public WindowState stateAt(Instant at) {
        if (windows.isEmpty()) {
            return WindowState.always(at);
        }
        List<SyncWindow> active = active(at);
        boolean automatic = allowed(false, active);
        boolean manual = allowed(true, active);
        return new WindowState(at, true, automatic, manual, active, automatic ? null : reason(false, active),
                manual ? null : reason(true, active), nextChange(at, false, automatic), nextChange(at, true, manual));
    }

    private List<SyncWindow> active(Instant at) {
        return windows.stream().filter(c -> isOpen(c.window(), c.schedule(), at)).map(Compiled::window).toList();
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
     * window's start or end can change it, so those are visited in order, up to {@link #HORIZON}.
     */
    private ZonedDateTime nextChange(Instant at, boolean manual, boolean now) {
        Instant limit = at.plus(HORIZON);
        Instant cursor = at;
        for (int step = 0; step < MAX_STEPS; step++) {
            Instant boundary = null;
            SyncWindow cause = null;
            for (Compiled c : windows) {
                Instant b = nextBoundary(c, cursor);
                if (b != null && (boundary == null || b.isBefore(boundary))) {
                    boundary = b;
                    cause = c.window();
                }
            }
            if (boundary == null || boundary.isAfter(limit)) {
                return null;
            }
            if (allowed(manual, active(boundary)) != now) {
                return boundary.atZone(cause.timeZone());
            }
            cursor = boundary;
        }
        return null;
    }

    /** The first start or end of an opening of the window after {@code cursor}. */
    private static Instant nextBoundary(Compiled c, Instant cursor) {
        List<Instant> candidates = new ArrayList<>(2);
        c.schedule().next(cursor, c.window().timeZone()).ifPresent(candidates::add);
        // the first opening with start > cursor - duration is the first to end after cursor
        c.schedule().next(cursor.minus(c.window().duration()), c.window().timeZone())
                .map(start -> start.plus(c.window().duration())).filter(end -> end.isAfter(cursor)).ifPresent(candidates::add);
        return candidates.stream().min(Instant::compareTo).orElse(null);
    }
}
