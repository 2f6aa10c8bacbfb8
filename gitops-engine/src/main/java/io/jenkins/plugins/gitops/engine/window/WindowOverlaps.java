package io.jenkins.plugins.gitops.engine.window;

import io.jenkins.plugins.gitops.engine.model.SyncWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Explains allow and deny windows of one list that overlap: legal (deny wins, as in Argo CD), so these are warnings,
 * not errors; an allow window that deny windows always cover never opens, which is almost certainly a mistake.
 * Openings are looked at from a given instant for {@link #HORIZON} (weekly and monthly patterns), at most
 * {@link #MAX_OPENINGS} per window, and compared as intervals. gitops.yaml is read for every operation, so the result
 * is kept per list of windows and day.
 */
public final class WindowOverlaps {
    public static final Duration HORIZON = Duration.ofDays(62);
    static final int MAX_OPENINGS = 400;
    private static final int CACHED_LISTS = 64;
    private static final Map<String, List<String>> CACHE = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
                    return size() > CACHED_LISTS;
                }
            });

    private record Interval(Instant start, Instant end) {
    }

    private WindowOverlaps() {
    }

    /** One message per overlapping pair (allow, deny), and per allow window that never opens; empty when none. */
    public static List<String> explain(List<SyncWindow> windows, Instant from) {
        String key = from.truncatedTo(java.time.temporal.ChronoUnit.DAYS) + " " + windows;
        List<String> cached = CACHE.get(key);
        if (cached == null) {
            cached = List.copyOf(compute(windows, from));
            CACHE.put(key, cached);
        }
        return cached;
    }

    private static List<String> compute(List<SyncWindow> windows, Instant from) {
        List<SyncWindow> allows = windows.stream().filter(w -> w.kind() == SyncWindow.Kind.ALLOW).toList();
        List<SyncWindow> denies = windows.stream().filter(w -> w.kind() == SyncWindow.Kind.DENY).toList();
        List<String> messages = new ArrayList<>();
        if (allows.isEmpty() || denies.isEmpty()) {
            return messages;
        }
        List<List<Interval>> denyOpenings = denies.stream().map(d -> openings(d, from)).toList();
        List<Interval> denied = union(denyOpenings);
        for (SyncWindow allow : allows) {
            List<Interval> allowOpenings = openings(allow, from);
            for (int d = 0; d < denies.size(); d++) {
                SyncWindow deny = denies.get(d);
                firstOverlap(allowOpenings, denyOpenings.get(d)).ifPresent(at -> messages.add(allow.name()
                        + " (allow) and " + deny.name() + " (deny) overlap, first at "
                        + WindowState.format(at.atZone(deny.timeZone())) + ": deny wins there, so syncs are not allowed"
                        + " while both are open (Argo CD's rule)"));
            }
            if (!allowOpenings.isEmpty() && allowOpenings.stream().allMatch(a -> covered(a, denied))) {
                messages.add(allow.name() + " (allow) never opens: deny windows cover every opening of it in the next "
                        + HORIZON.toDays() + " days; shorten or move the deny windows, or remove this allow window");
            }
        }
        return messages;
    }

    /** The openings that end after {@code from} and start before {@code from + HORIZON}: one cron call each. */
    private static List<Interval> openings(SyncWindow window, Instant from) {
        CronSchedule schedule = CronSchedule.parse(window.schedule());
        List<Interval> out = new ArrayList<>();
        Instant limit = from.plus(HORIZON);
        Optional<Instant> next = schedule.next(from.minus(window.duration()), window.timeZone());
        while (next.isPresent() && next.get().isBefore(limit) && out.size() < MAX_OPENINGS) {
            out.add(new Interval(next.get(), next.get().plus(window.duration())));
            next = schedule.next(next.get(), window.timeZone());
        }
        return out;
    }

    /** The earliest instant both lists cover (both sorted by start). */
    private static Optional<Instant> firstOverlap(List<Interval> a, List<Interval> b) {
        Instant first = null;
        int j = 0;
        for (Interval x : a) {
            while (j < b.size() && !b.get(j).end().isAfter(x.start())) {
                j++;
            }
            for (int k = j; k < b.size() && b.get(k).start().isBefore(x.end()); k++) {
                Instant at = x.start().isAfter(b.get(k).start()) ? x.start() : b.get(k).start();
                first = first == null || at.isBefore(first) ? at : first;
            }
            if (first != null && !first.isAfter(x.start())) {
                break;
            }
        }
        return Optional.ofNullable(first);
    }

    /** The merged, sorted union of the intervals of every list. */
    private static List<Interval> union(List<List<Interval>> lists) {
        List<Interval> all = new ArrayList<>();
        lists.forEach(all::addAll);
        all.sort((x, y) -> x.start().compareTo(y.start()));
        List<Interval> merged = new ArrayList<>();
        for (Interval i : all) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !i.start().isAfter(last.end())) {
                merged.set(merged.size() - 1, new Interval(last.start(), i.end().isAfter(last.end()) ? i.end() : last.end()));
            } else {
                merged.add(i);
            }
        }
        return merged;
    }

    /** Whether one merged interval contains the whole of {@code x}. */
    private static boolean covered(Interval x, List<Interval> merged) {
        return merged.stream().anyMatch(m -> !m.start().isAfter(x.start()) && !m.end().isBefore(x.end()));
    }
}
