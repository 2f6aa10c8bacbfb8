package io.jenkins.plugins.gitops.engine.diff;

import io.jenkins.plugins.gitops.engine.model.IgnoreRule;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Normalised comparison of a desired object with its live counterpart. Only fields the desired
 * state sets are compared, so values the server fills in (defaults, status, uids) are never a
 * difference; fields that Git set at the last apply (last-applied) but no longer sets are a
 * difference. An empty map, an empty list or null in Git equals an absent field, as the API server
 * drops them (Go's {@code omitempty}). Ignore rules and server-owned pointers are skipped; secret values
 * are redacted and strings over {@value FieldComparison#MAX_SHOWN} characters abbreviated in field changes.
 */
public final class Differ {
    private final List<IgnoreRule> rules;

    public Differ(List<IgnoreRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * @param desired     the prepared desired object
     * @param live        the live object, or null if absent (everything differs)
     * @param lastApplied the fields Git set at the last apply (values are not compared, only which fields), or
     *                    null if unknown
     * @param ignored     extra pointers never compared for this object (server-owned fields)
     */
    public ObjectDiff diff(Resource desired, Resource live, Map<String, Object> lastApplied, List<String> ignored) {
        List<String> skip = new ArrayList<>(ignored);
        skip.add("/status");
        rules.stream().filter(r -> r.appliesTo(desired.key())).forEach(r -> skip.addAll(r.jsonPointers()));
        FieldComparison comparison = new FieldComparison(desired.key(), skip);
        if (live == null) {
            comparison.missing();
        } else {
            comparison.compare("", desired.manifest(), live.manifest(), lastApplied);
        }
        String unified = UnifiedDiff.render(desired, live, comparison.pointers(), skip);
        return new ObjectDiff(desired.key(), comparison.changes(), unified);
    }
}
