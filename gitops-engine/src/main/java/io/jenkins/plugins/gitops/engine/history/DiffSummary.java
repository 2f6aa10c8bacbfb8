package io.jenkins.plugins.gitops.engine.history;

import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import io.jenkins.plugins.gitops.engine.diff.FieldChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The diff summary of a record: one line per changed object with the JSON pointers that changed,
 * never a value, so no secret can reach history: {@code update Deployment/ns/web: /spec/replicas}.
 */
public final class DiffSummary {
    /** Pointers listed per object before "(+N more)"; keeps records small (a ConfigMap holds 1 MiB). */
    static final int MAX_POINTERS = 10;
    /** Objects listed per record before a closing "... N more objects" line. */
    static final int MAX_LINES = 200;

    private DiffSummary() {
    }

    public static List<String> of(List<ObjectResult> objects) {
        List<String> lines = new ArrayList<>();
        int skipped = 0;
        for (ObjectResult o : objects) {
            if (o.action() == null || o.action().equals("unchanged")) {
                continue;
            }
            if (lines.size() == MAX_LINES) {
                skipped++;
                continue;
            }
            lines.add(line(o));
        }
        if (skipped > 0) {
            lines.add("... " + skipped + " more objects");
        }
        return lines;
    }

    private static String line(ObjectResult o) {
        StringBuilder line = new StringBuilder(o.action()).append(' ').append(o.id());
        if (o.action().equals("update") && !o.changes().isEmpty()) {
            List<String> pointers = o.changes().stream().map(FieldChange::pointer).distinct().toList();
            line.append(": ").append(String.join(", ", pointers.subList(0, Math.min(MAX_POINTERS, pointers.size()))));
            if (pointers.size() > MAX_POINTERS) {
                line.append(" (+").append(pointers.size() - MAX_POINTERS).append(" more)");
            }
        }
        if (o.outcome() != null && !o.outcome().equals("done")) {
            line.append(" [").append(o.outcome().replace('_', ' ')).append(']');
        }
        return line.toString();
    }
}
