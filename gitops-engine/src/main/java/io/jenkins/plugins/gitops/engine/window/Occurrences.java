package io.jenkins.plugins.gitops.engine.window;

import io.jenkins.plugins.gitops.engine.model.SyncWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The openings of one window from a given instant on, generated as far as asked (each costs a cron-utils call, a few
 * hundred microseconds), at most {@link #MAX_OPENINGS}; then {@link #isOpen} is a binary search.
 */
final class Occurrences {
    static final int MAX_OPENINGS = 5000;

    private final SyncWindow window;
    private final CronSchedule schedule;
    /** Starts in increasing order; the first is the first opening that ends after the instant looked from. */
    private final List<Instant> starts = new ArrayList<>();
    private boolean exhausted;

    Occurrences(SyncWindow window, CronSchedule schedule, Instant from) {
        this.window = window;
        this.schedule = schedule;
        schedule.next(from.minus(window.duration()), window.timeZone()).ifPresentOrElse(starts::add,
                () -> exhausted = true);
    }

    SyncWindow window() {
        return window;
    }

    /** Generates the openings that start at or before {@code until}; false when the cap stopped it first. */
    boolean ensure(Instant until) {
        while (!exhausted && !starts.get(starts.size() - 1).isAfter(until)) {
            if (starts.size() >= MAX_OPENINGS) {
                return false;
            }
            Optional<Instant> next = schedule.next(starts.get(starts.size() - 1), window.timeZone());
            if (next.isEmpty()) {
                exhausted = true;
            } else {
                starts.add(next.get());
            }
        }
        return true;
    }

    /**
     * Up to where {@link #isOpen} and the boundaries are known: the last start generated when the cap stopped the
     * generation (an end after it may be followed by a start not generated yet), otherwise {@code until}.
     */
    Instant known(Instant until) {
        Instant last = starts.isEmpty() ? until : starts.get(starts.size() - 1);
        return starts.size() >= MAX_OPENINGS && last.isBefore(until) ? last : until;
    }

    /** Whether an opening covers {@code at}; the openings up to {@code at} must have been generated. */
    boolean isOpen(Instant at) {
        int index = Collections.binarySearch(starts, at);
        int last = index >= 0 ? index : -index - 2;
        return last >= 0 && starts.get(last).plus(window.duration()).isAfter(at);
    }

    /** Every start and end in {@code (after, until]}, from the openings generated so far. */
    void boundaries(Instant after, Instant until, List<Boundary> out) {
        for (Instant start : starts) {
            add(start, after, until, out);
            add(start.plus(window.duration()), after, until, out);
        }
    }

    private void add(Instant at, Instant after, Instant until, List<Boundary> out) {
        if (at.isAfter(after) && !at.isAfter(until)) {
            out.add(new Boundary(at, window));
        }
    }

    /** An instant where a window opens or closes. */
    record Boundary(Instant at, SyncWindow window) {
    }
}
