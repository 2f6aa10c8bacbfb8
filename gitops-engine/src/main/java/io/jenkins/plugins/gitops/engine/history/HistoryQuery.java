package io.jenkins.plugins.gitops.engine.history;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.List;
import java.util.Optional;

/** Finding a record by id, id prefix or revision prefix in a newest-first list. */
public final class HistoryQuery {
    static final int MIN_REVISION_PREFIX = 4;

    private HistoryQuery() {
    }

    public static Optional<DeploymentRecord> find(String environment, List<DeploymentRecord> newestFirst, String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidInputException("give a record id or a revision of " + environment
                    + " (see: gitops history " + environment + ")");
        }
        String q = query.trim();
        Optional<DeploymentRecord> exact = newestFirst.stream().filter(r -> r.id().equals(q)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<DeploymentRecord> byId = newestFirst.stream().filter(r -> r.id().startsWith(q)).toList();
        if (byId.size() > 1) {
            throw ambiguous(environment, q, byId.stream().map(DeploymentRecord::id).toList());
        }
        if (byId.size() == 1) {
            return Optional.of(byId.get(0));
        }
        if (q.length() < MIN_REVISION_PREFIX) {
            return Optional.empty();
        }
        List<DeploymentRecord> byRevision = newestFirst.stream()
                .filter(r -> r.revision() != null && r.revision().startsWith(q)).toList();
        List<String> revisions = byRevision.stream().map(DeploymentRecord::revision).distinct().toList();
        if (revisions.size() > 1) {
            throw ambiguous(environment, q, revisions);
        }
        // several records of one revision (synced, later rolled back to): the newest
        return byRevision.stream().findFirst();
    }

    private static InvalidInputException ambiguous(String environment, String q, List<String> matches) {
        return new InvalidInputException("'" + q + "' matches " + matches.size() + " records of " + environment + " ("
                + String.join(", ", matches.subList(0, Math.min(5, matches.size()))) + (matches.size() > 5 ? ", ..." : "")
                + "); give more characters");
    }
}
