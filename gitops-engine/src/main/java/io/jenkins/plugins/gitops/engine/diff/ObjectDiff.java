package io.jenkins.plugins.gitops.engine.diff;

import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.util.List;

/**
 * The differences of one object: structured field changes (secret values redacted) and a unified
 * diff of the fields Git sets, live versus desired, for people to read.
 */
public record ObjectDiff(ResourceKey key, List<FieldChange> changes, String unified) {
    public ObjectDiff {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
