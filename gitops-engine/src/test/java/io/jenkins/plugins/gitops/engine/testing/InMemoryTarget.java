package io.jenkins.plugins.gitops.engine.testing;

import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.cluster.TargetException;
import io.jenkins.plugins.gitops.engine.health.Health;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A target kept in a map, for unit tests of the planner and executor only (the real targets are
 * tested against the Kubernetes mock server and a real Docker daemon). It records every write and
 * can be told to fail calls or to report a health per object.
 */
public final class InMemoryTarget implements Target {
    public final Map<ResourceKey, Resource> objects = new LinkedHashMap<>();
    public final List<String> writes = new ArrayList<>();
    public final Map<ResourceKey, Deque<Health>> healthScript = new HashMap<>();
    public final Deque<TargetException> failures = new ArrayDeque<>();
    public Function<ResourceKey, Integer> rank = key -> key.kind().equals("Namespace") ? 0
            : key.kind().equals("Service") ? 5 : key.kind().equals("Deployment") ? 6 : 3;

    @Override
    public String describe() {
        return "in-memory target";
    }

    @Override
    public DesiredState prepare(DesiredState rendered) {
        return rendered;
    }

    @Override
    public void validate(DesiredState prepared) {
    }

    @Override
    public Map<ResourceKey, Resource> live(DesiredState prepared) {
        return new LinkedHashMap<>(objects);
    }

    @Override
    public int applyRank(ResourceKey key) {
        return rank.apply(key);
    }

    @Override
    public Resource create(Resource desired) {
        return write("create " + desired.key(), desired);
    }

    /** The live object each update was given, in call order (failed attempts included). */
    public final List<Resource> updatedFrom = new ArrayList<>();

    @Override
    public Resource update(Resource desired, Resource live) {
        updatedFrom.add(live);
        return write("update " + desired.key(), desired);
    }

    /** Objects whose server-side dry run is refused (key: message); every dry run is recorded in {@link #dryRuns}. */
    public final Map<ResourceKey, String> dryRunRefusals = new HashMap<>();
    public final List<String> dryRuns = new ArrayList<>();

    @Override
    public boolean dryRunCreate(Resource desired) {
        return dryRun("create " + desired.key(), desired);
    }

    @Override
    public boolean dryRunUpdate(Resource desired, Resource live) {
        return dryRun("update " + desired.key(), desired);
    }

    private boolean dryRun(String what, Resource desired) {
        dryRuns.add(what);
        String refusal = dryRunRefusals.get(desired.key());
        if (refusal != null) {
            throw new io.jenkins.plugins.gitops.engine.InvalidInputException(desired.describe() + ": " + refusal);
        }
        return true;
    }

    @Override
    public void delete(Resource live) {
        failIfScripted();
        writes.add("delete " + live.key());
        objects.remove(live.key());
    }

    @Override
    public Optional<Resource> get(ResourceKey key) {
        return Optional.ofNullable(objects.get(key));
    }

    @Override
    public Health health(Resource live) {
        Deque<Health> script = healthScript.get(live.key());
        if (script == null || script.isEmpty()) {
            return Health.HEALTHY;
        }
        return script.size() == 1 ? script.peek() : script.poll();
    }

    @Override
    public void close() {
    }

    private Resource write(String what, Resource desired) {
        failIfScripted();
        writes.add(what);
        objects.put(desired.key(), desired);
        return desired;
    }

    private void failIfScripted() {
        if (!failures.isEmpty()) {
            throw failures.poll();
        }
    }
}
