package io.jenkins.plugins.gitops.engine.config;

import io.jenkins.plugins.gitops.engine.model.SyncWindow;
import io.jenkins.plugins.gitops.engine.window.CronSchedule;
import io.jenkins.plugins.gitops.engine.window.WindowOverlaps;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code windows:} of an environment or of {@code defaults:} (docs/windows.md): a list of
 * {@code { kind: allow|deny, schedule: <cron>, duration: <duration>, timeZone: <zone>, applies: automatic|all }},
 * the fields of Argo CD's {@code SyncWindow} ({@code manualSync: true} is written {@code applies: automatic}).
 * Overlapping allow and deny windows are legal (deny wins) and explained in warnings.
 */
final class WindowParser {
    static final List<String> KEYS = List.of("kind", "schedule", "duration", "timeZone", "applies");
    static final List<String> KINDS = List.of("allow", "deny");
    static final List<String> APPLIES = List.of("automatic", "all");
    static final Duration MIN_DURATION = Duration.ofMinutes(1);
    private static final String EXAMPLE = "[{ kind: allow, schedule: '0 8 * * 1-5', duration: 10h, timeZone: Europe/Berlin }]";

    private WindowParser() {
    }

    /** The windows, or null when the list or one of its windows is wrong (reported). */
    static List<SyncWindow> windows(YamlMap.Entry entry, Problems problems) {
        List<Node> items = Values.list(entry.value(), entry.path(), problems, EXAMPLE);
        if (items == null) {
            return null;
        }
        int errorsBefore = problems.errorCount();
        List<SyncWindow> windows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = entry.path() + "[" + i + "]";
            SyncWindow window = window(items.get(i), path, problems);
            if (window != null) {
                windows.add(window);
            }
        }
        if (problems.errorCount() != errorsBefore) {
            return null;
        }
        WindowOverlaps.explain(windows, Instant.now()).forEach(w -> problems.warn(entry.line(), entry.path(), w));
        return windows;
    }

    private static SyncWindow window(Node item, String path, Problems problems) {
        if (!(item instanceof MappingNode)) {
            problems.error(item, path, "expected a window such as { kind: deny, schedule: '0 22 * * *', duration: 8h },"
                    + " found " + Values.describe(item));
            return null;
        }
        YamlMap map = Values.map(item, path, Values.line(item), problems);
        YamlMap.Entry manualSync = map.get("manualSync");
        if (manualSync != null) {
            problems.error(manualSync.line(), path, "'manualSync' is Argo CD's name: write applies: automatic for"
                    + " manualSync: true (the window then restricts automatic syncs only), or leave it out (applies: all)");
        }
        map.rejectUnknown(manualSync == null ? KEYS : withManualSync(), problems);
        String kind = required(map, "kind", "allow or deny", problems);
        String schedule = schedule(map.require("schedule", "a cron expression such as '0 22 * * *'", problems), problems);
        YamlMap.Entry durationEntry = map.require("duration", "how long each opening lasts, such as 8h or 30m", problems);
        Duration duration = durationEntry == null ? null
                : Values.duration(durationEntry.value(), durationEntry.path(), problems, MIN_DURATION);
        ZoneId zone = zone(map.get("timeZone"), problems);
        YamlMap.Entry appliesEntry = map.get("applies");
        String applies = appliesEntry == null ? "all" : Values.oneOf(appliesEntry.value(), appliesEntry.path(), problems, APPLIES);
        if (kind == null || schedule == null || duration == null || zone == null || applies == null) {
            return null;
        }
        return new SyncWindow(path, SyncWindow.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), schedule, duration, zone,
                SyncWindow.Applies.valueOf(applies.toUpperCase(Locale.ROOT)));
    }

    private static List<String> withManualSync() {
        List<String> keys = new ArrayList<>(KEYS);
        keys.add("manualSync");
        return keys;
    }

    private static String required(YamlMap map, String key, String hint, Problems problems) {
        YamlMap.Entry entry = map.require(key, hint, problems);
        return entry == null ? null : Values.oneOf(entry.value(), entry.path(), problems, KINDS);
    }

    /** The expression as written, after cron-utils (UNIX definition) accepted it. */
    private static String schedule(YamlMap.Entry entry, Problems problems) {
        if (entry == null) {
            return null;
        }
        String text = Values.string(entry.value(), entry.path(), problems);
        if (text == null) {
            return null;
        }
        try {
            return CronSchedule.parse(text).expression();
        } catch (IllegalArgumentException e) {
            problems.error(entry.value(), entry.path(), "'" + Values.clip(text) + "' is not a cron schedule: "
                    + e.getMessage() + " (five fields: minute hour day-of-month month day-of-week, e.g. '0 22 * * 1-5')");
            return null;
        }
    }

    /** An IANA time zone such as Europe/Berlin, or UTC (the default, as in Argo CD). */
    private static ZoneId zone(YamlMap.Entry entry, Problems problems) {
        if (entry == null) {
            return ZoneId.of("UTC");
        }
        String text = Values.string(entry.value(), entry.path(), problems);
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            problems.error(entry.value(), entry.path(), "'" + Values.clip(text) + "' is not a time zone"
                    + Suggestions.didYouMean(text, ZoneId.getAvailableZoneIds())
                    + "; use an IANA name such as Europe/Berlin, America/New_York or UTC");
            return null;
        }
    }
}
