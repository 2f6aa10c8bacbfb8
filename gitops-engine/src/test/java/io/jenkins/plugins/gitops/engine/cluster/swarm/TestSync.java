package io.jenkins.plugins.gitops.engine.cluster.swarm;

import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.health.Health;
import io.jenkins.plugins.gitops.engine.health.HealthStatus;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order of calls a sync makes, for testing a Target until the engine's sync executor is merged:
 * prepare, validate, live, create/update by rank (an update only where a desired field differs from
 * live, ignoring the target's server-owned pointers), prune in reverse rank, afterSync. Test code only.
 */
final class TestSync {
    record Result(List<String> created, List<String> updated, List<String> deleted, List<Resource> applied) {
    }

    private TestSync() {
    }

    static Result sync(Target target, DesiredState rendered, boolean prune) {
        DesiredState prepared = target.prepare(rendered);
        target.validate(prepared);
        Map<ResourceKey, Resource> live = target.live(prepared);
        List<Resource> ordered = new ArrayList<>(prepared.resources());
        ordered.sort(Comparator.comparingInt(r -> target.applyRank(r.key())));
        Result result = new Result(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Resource desired : ordered) {
            Resource current = live.get(desired.key());
            if (current == null) {
                result.applied().add(target.create(desired));
                result.created().add(desired.name());
            } else if (!differs(target, desired, current)) {
                result.applied().add(current);
            } else {
                result.applied().add(target.update(desired, current));
                result.updated().add(desired.name());
            }
        }
        if (prune) {
            List<Resource> gone = live.values().stream()
                    .filter(l -> prepared.resources().stream().noneMatch(d -> d.key().equals(l.key())))
                    .sorted(Comparator.comparingInt((Resource r) -> target.applyRank(r.key())).reversed()).toList();
            for (Resource l : gone) {
                target.delete(l);
                result.deleted().add(l.name());
            }
        }
        target.afterSync(prepared, result.applied());
        return result;
    }

    /** Waits until every service is Healthy or one is Degraded; returns the last health of each. */
    static Map<String, Health> waitHealthy(Target target, List<Resource> applied, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, Health> health = new java.util.TreeMap<>();
            for (Resource r : applied) {
                health.put(r.name(), target.get(r.key()).map(target::health).orElse(Health.MISSING));
            }
            HealthStatus worst = Health.worst(health.values());
            if (worst == HealthStatus.HEALTHY || worst == HealthStatus.DEGRADED || System.nanoTime() > deadline) {
                return health;
            }
            Thread.sleep(300);
        }
    }

    static boolean differs(Target target, Resource desired, Resource live) {
        Map<String, Object> d = desired.mutableManifest();
        for (String pointer : target.serverOwnedPointers(desired.key())) {
            remove(d, pointer);
        }
        return !subset(d, live.manifest());
    }

    private static void remove(Map<String, Object> root, String pointer) {
        String[] parts = pointer.substring(1).split("/");
        Object current = root;
        for (int i = 0; i < parts.length - 1 && current instanceof Map<?, ?> m; i++) {
            current = m.get(parts[i]);
        }
        if (current instanceof Map<?, ?> m) {
            m.remove(parts[parts.length - 1]);
        }
    }

    /** Desired fields are a subset of live: maps by key, lists element by element, numbers by value. */
    static boolean subset(Object desired, Object live) {
        if (desired instanceof Map<?, ?> d) {
            return live instanceof Map<?, ?> l
                    && d.entrySet().stream().allMatch(e -> subset(e.getValue(), l.get(e.getKey())));
        }
        if (desired instanceof List<?> d) {
            if (!(live instanceof List<?> l) || l.size() != d.size()) {
                return false;
            }
            for (int i = 0; i < d.size(); i++) {
                if (!subset(d.get(i), l.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (desired instanceof Number d && live instanceof Number l) {
            return new BigDecimal(d.toString()).compareTo(new BigDecimal(l.toString())) == 0;
        }
        return java.util.Objects.equals(desired, live);
    }

    static long versionIndex(Resource live) {
        return ((Number) Manifests.get(live.manifest(), "Version", "Index")).longValue();
    }
}
