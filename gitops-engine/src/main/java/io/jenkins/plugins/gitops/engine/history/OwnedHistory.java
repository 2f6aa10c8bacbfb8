package io.jenkins.plugins.gitops.engine.history;

import io.jenkins.plugins.gitops.engine.model.Masking;
import io.jenkins.plugins.gitops.engine.model.TrackingId;
import java.util.List;
import java.util.Objects;

/**
 * The records of one repository's environment in a store that other repositories with an environment
 * of the same name may share (the same Swarm stack, the same namespace): appends are stamped with the
 * owner, and lists leave out records of other owners. Records without an owner were written before
 * owners existed and are kept. Records are masked ({@link Masking}) on the way in and out.
 */
public final class OwnedHistory implements HistoryStore {
    private final HistoryStore store;
    private final TrackingId owner;
    private final Masking masking;

    public OwnedHistory(HistoryStore store, TrackingId owner, Masking masking) {
        this.store = Objects.requireNonNull(store, "store");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.masking = Objects.requireNonNull(masking, "masking");
    }

    @Override
    public void append(DeploymentRecord record) {
        store.append(masking.maskAll(record.withOwner(owner.value())));
    }

    @Override
    public List<DeploymentRecord> list(String environment) {
        return owned(store.list(environment));
    }

    /** The store's records and compact summaries (delivery metrics), filtered and masked as {@link #list}. */
    @Override
    public List<DeploymentRecord> deployments(String environment) {
        return owned(store.deployments(environment));
    }

    private List<DeploymentRecord> owned(List<DeploymentRecord> records) {
        return records.stream().filter(r -> r.owner() == null || r.owner().equals(owner.value()))
                .map(masking::maskAll).toList();
    }
}
