package io.jenkins.plugins.gitops.engine.history;

import io.jenkins.plugins.gitops.engine.model.TrackingId;
import java.util.List;
import java.util.Objects;

/**
 * The records of one repository's environment in a store that other repositories with an environment
 * of the same name may share (the same Swarm stack, the same namespace): appends are stamped with the
 * owner, and lists leave out records of other owners. Records without an owner were written before
 * owners existed and are kept.
 */
public final class OwnedHistory implements HistoryStore {
    private final HistoryStore store;
    private final TrackingId owner;

    public OwnedHistory(HistoryStore store, TrackingId owner) {
        this.store = Objects.requireNonNull(store, "store");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public void append(DeploymentRecord record) {
        store.append(record.withOwner(owner.value()));
    }

    @Override
    public List<DeploymentRecord> list(String environment) {
        return store.list(environment).stream().filter(r -> r.owner() == null || r.owner().equals(owner.value()))
                .toList();
    }
}
