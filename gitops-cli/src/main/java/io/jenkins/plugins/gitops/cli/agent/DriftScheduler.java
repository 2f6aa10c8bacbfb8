package io.jenkins.plugins.gitops.cli.agent;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Environment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the drift check of every environment on its own interval, on a small thread pool. A failing
 * environment is reported and retried at its next interval; it never stops the others. One
 * environment is never checked twice at the same time in this process (the engine's lease covers
 * other processes).
 */
public final class DriftScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(DriftScheduler.class);

    private final EnvironmentChecker checker;
    private final List<String> environments;
    private final Consumer<CheckOutcome> listener;
    private final ScheduledThreadPoolExecutor executor;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Set<String> checkedOnce = ConcurrentHashMap.newKeySet();
    private final Map<String, CheckOutcome> last = new ConcurrentHashMap<>();

    /**
     * @param parallelism how many environments may be checked at the same time
     * @param listener    called after every check (logging, metrics); its failures are logged and ignored
     */
    public DriftScheduler(EnvironmentChecker checker, int parallelism, Consumer<CheckOutcome> listener) {
        if (parallelism < 1) {
            throw new InvalidInputException("--parallelism must be at least 1 (was " + parallelism + ")");
        }
        this.checker = checker;
        this.environments = List.copyOf(checker.environments());
        this.listener = listener;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(parallelism, task -> {
            Thread thread = new Thread(task, "gitops-agent-check-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Checks every environment now, then again each time its interval has passed since the last check ended. */
    public void start() {
        List<String> plan = new ArrayList<>();
        Map<String, Duration> intervals = new java.util.LinkedHashMap<>();
        for (String environment : environments) {
            intervals.put(environment, interval(environment));
            plan.add(environment + " every " + intervals.get(environment).toString().substring(2).toLowerCase(java.util.Locale.ROOT));
        }
        LOG.info("drift checks: {}", plan.isEmpty() ? "no environment to check" : String.join(", ", plan));
        intervals.forEach((environment, interval) -> executor.scheduleWithFixedDelay(() -> check(environment), 0,
                interval.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** One check of every environment, at most {@code parallelism} at a time; returns the outcomes in order. */
    public List<CheckOutcome> runOnce() throws InterruptedException {
        List<Future<CheckOutcome>> futures = new ArrayList<>();
        for (String environment : environments) {
            futures.add(executor.submit(() -> check(environment)));
        }
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (Future<CheckOutcome> future : futures) {
            try {
                CheckOutcome outcome = future.get();
                if (outcome != null) {
                    outcomes.add(outcome);
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("drift check task failed unexpectedly", e.getCause());
            }
        }
        return outcomes;
    }

    /** True once every environment has been checked at least once (successfully or not). */
    public boolean firstRoundDone() {
        return checkedOnce.containsAll(environments);
    }

    /** The latest outcome of each environment checked so far. */
    public Map<String, CheckOutcome> lastOutcomes() {
        return Map.copyOf(last);
    }

    /**
     * Schedules no more checks and waits up to {@code timeout} for the running ones; those still
     * running then are interrupted. Returns whether every check ended within the timeout.
     */
    public boolean stop(Duration timeout) throws InterruptedException {
        executor.shutdown();
        if (executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        LOG.warn("drift checks still running after {} ms, interrupting: {}", timeout.toMillis(), running);
        executor.shutdownNow();
        return false;
    }

    /** Runs one check unless one of the same environment is already running (then returns null). */
    CheckOutcome check(String environment) {
        if (!running.add(environment)) {
            LOG.debug("drift check {}: skipped, the previous one is still running", environment);
            return null;
        }
        try {
            CheckOutcome outcome = runCheck(environment);
            last.put(environment, outcome);
            checkedOnce.add(environment);
            notifyListener(outcome);
            return outcome;
        } finally {
            running.remove(environment);
        }
    }

    private CheckOutcome runCheck(String environment) {
        long started = System.nanoTime();
        try {
            return CheckOutcome.of(environment, checker.check(environment), since(started));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            LOG.debug("drift check {} failed", environment, e);
            return CheckOutcome.failed(environment, e, since(started));
        }
    }

    private void notifyListener(CheckOutcome outcome) {
        try {
            listener.accept(outcome);
        } catch (RuntimeException e) {
            LOG.warn("reporting the drift check of {} failed: {}", outcome.environment(), e.toString());
        }
    }

    private Duration interval(String environment) {
        Duration interval = checker.interval(environment);
        if (interval == null) {
            return Environment.DEFAULT_DRIFT_INTERVAL;
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new InvalidInputException("gitops.yaml: environments." + environment + ".driftInterval must be "
                    + "positive (was " + interval + "); set it to e.g. 5m");
        }
        return interval;
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
