package io.jenkins.plugins.gitops.cli.agent;

import io.jenkins.plugins.gitops.engine.api.DriftReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-test checker: per environment an interval and a behaviour; records every check's start and end. */
final class FakeChecker implements EnvironmentChecker {
    /** What one check of an environment does. */
    interface Behaviour {
        DriftReport check(String environment) throws Exception;
    }

    private final Map<String, Duration> intervals = new LinkedHashMap<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, List<Instant[]>> runs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> concurrent = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxConcurrent = new ConcurrentHashMap<>();

    FakeChecker environment(String name, Duration interval, Behaviour behaviour) {
        intervals.put(name, interval);
        behaviours.put(name, behaviour);
        runs.put(name, Collections.synchronizedList(new ArrayList<>()));
        concurrent.put(name, new AtomicInteger());
        maxConcurrent.put(name, new AtomicInteger());
        return this;
    }

    @Override
    public List<String> environments() {
        return List.copyOf(intervals.keySet());
    }

    @Override
    public Duration interval(String environment) {
        return intervals.get(environment);
    }

    @Override
    public DriftReport check(String environment) {
        Instant started = Instant.now();
        int now = concurrent.get(environment).incrementAndGet();
        maxConcurrent.get(environment).accumulateAndGet(now, Math::max);
        try {
            return behaviours.get(environment).check(environment);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            concurrent.get(environment).decrementAndGet();
            runs.get(environment).add(new Instant[] {started, Instant.now()});
        }
    }

    /** Finished checks of the environment: [start, end] each, in order. */
    List<Instant[]> runs(String environment) {
        synchronized (runs.get(environment)) {
            return List.copyOf(runs.get(environment));
        }
    }

    int maxConcurrent(String environment) {
        return maxConcurrent.get(environment).get();
    }
}
