package io.jenkins.plugins.gitops.engine.testing;

import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.cluster.TargetException;
import io.jenkins.plugins.gitops.engine.health.Health;
import io.jenkins.plugins.gitops.engine.history.HistoryStore;
import io.jenkins.plugins.gitops.engine.lease.Lease;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A real target with faults injected on writes: every create or update of one kind fails like an API
 * server answering 500 (or a timeout), or runs a hook first (to hold a sync in the middle).
 */
public final class FaultyTarget implements Target {
    private final Target real;
    private final String failingKind;
    private final Consumer<Resource> beforeWrite;

    public FaultyTarget(Target real, String failingKind, Consumer<Resource> beforeWrite) {
        this.real = real;
        this.failingKind = failingKind;
        this.beforeWrite = beforeWrite;
    }

    private void fault(Resource desired) {
        beforeWrite.accept(desired);
        if (desired.kind().equals(failingKind)) {
            throw new TargetException("create " + desired.key() + " failed: HTTP 500 Internal Server Error", true, null);
        }
    }

    @Override
    public Resource create(Resource desired) {
        fault(desired);
        return real.create(desired);
    }

    @Override
    public Resource update(Resource desired, Resource live) {
        fault(desired);
        return real.update(desired, live);
    }

    @Override
    public boolean dryRunCreate(Resource desired) {
        return real.dryRunCreate(desired);
    }

    @Override
    public boolean dryRunUpdate(Resource desired, Resource live) {
        return real.dryRunUpdate(desired, live);
    }

    @Override
    public String describe() {
        return real.describe();
    }

    @Override
    public DesiredState prepare(DesiredState rendered) {
        return real.prepare(rendered);
    }

    @Override
    public void validate(DesiredState prepared) {
        real.validate(prepared);
    }

    @Override
    public Map<ResourceKey, Resource> live(DesiredState prepared) {
        return real.live(prepared);
    }

    @Override
    public int applyRank(ResourceKey key) {
        return real.applyRank(key);
    }

    @Override
    public void delete(Resource live) {
        real.delete(live);
    }

    @Override
    public Optional<Resource> get(ResourceKey key) {
        return real.get(key);
    }

    @Override
    public Health health(Resource live) {
        return real.health(live);
    }

    @Override
    public void afterSync(DesiredState prepared, List<Resource> applied) {
        real.afterSync(prepared, applied);
    }

    @Override
    public Map<String, Object> lastApplied(Resource live) {
        return real.lastApplied(live);
    }

    @Override
    public List<String> serverOwnedPointers(ResourceKey key) {
        return real.serverOwnedPointers(key);
    }

    @Override
    public HistoryStore historyStore() {
        return real.historyStore();
    }

    @Override
    public Lease lease() {
        return real.lease();
    }

    @Override
    public void close() {
        real.close();
    }
}
