package io.jenkins.plugins.gitops.engine.api;

import io.jenkins.plugins.gitops.engine.diff.FieldChange;
import java.util.List;

/**
 * One object in a sync or diff result, as plain strings for JSON, build pages and logs. The diff is
 * the redacted unified diff; {@code changes} the redacted field changes.
 */
public record ObjectResult(String kind, String namespace, String name, String source, String action, String outcome,
        String message, String health, String diff, List<FieldChange> changes) {
    public ObjectResult {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public String id() {
        return kind + "/" + (namespace == null || namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
