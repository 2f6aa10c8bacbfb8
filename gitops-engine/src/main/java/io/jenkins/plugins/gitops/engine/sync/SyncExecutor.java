package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.GitOpsException;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.ProgressListener;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.health.Health;
import io.jenkins.plugins.gitops.engine.health.HealthStatus;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.engine.model.RetryPolicy;
import io.jenkins.plugins.gitops.engine.sync.TaskResult.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Executes a {@link SyncPlan}: applies wave by wave (waiting for health between waves), prunes,
 * then waits for the applied objects to be healthy. The first failure stops the sync; the outcome
 * says which object failed and why, and which tasks were not attempted, so a re-run converges.
 */
public final class SyncExecutor {
    private final Target target;
    private final Retrier retrier;
    private final ProgressListener listener;
    private final Retrier.Sleeper sleeper;

    public SyncExecutor(Target target, RetryPolicy retry, ProgressListener listener) {
        this(target, retry, listener, duration -> Thread.sleep(duration.toMillis()));
    }

    SyncExecutor(Target target, RetryPolicy retry, ProgressListener listener, Retrier.Sleeper sleeper) {
        this.target = target;
        this.listener = listener;
        this.sleeper = sleeper;
        this.retrier = new Retrier(retry, sleeper, listener);
    }

    public SyncOutcome execute(SyncPlan plan, SyncOptions options) {
        Map<ResourceKey, TaskResult> results = new LinkedHashMap<>();
        Map<ResourceKey, Resource> applied = new LinkedHashMap<>();
        if (options.dryRun()) {
            plan.tasks().forEach(t -> results.put(t.key(), new TaskResult(t.key(), t.action(),
                    t.action() == SyncAction.UNCHANGED ? Outcome.DONE : Outcome.NOT_ATTEMPTED, "dry run", null, 0,
                    t.source())));
            return new SyncOutcome(plan, List.copyOf(results.values()), HealthStatus.UNKNOWN, true, "dry run");
        }
        HealthWaiter waiter = new HealthWaiter(target, options, sleeper, listener);
        String failure = null;
        Map<Integer, List<SyncTask>> waves = new TreeMap<>();
        plan.tasks().stream().filter(t -> t.desired() != null)
                .forEach(t -> waves.computeIfAbsent(t.wave(), w -> new ArrayList<>()).add(t));
        for (var wave : waves.entrySet()) {
            failure = applyAll(wave.getValue(), results, applied);
            if (failure == null && options.waitHealthy() && waves.size() > 1) {
                failure = waiter.waitFor(liveOf(wave.getValue(), applied), results, "wave " + wave.getKey());
            }
            if (failure != null) {
                break;
            }
        }
        if (failure == null) {
            failure = applyAll(plan.tasks().stream().filter(t -> t.desired() == null).toList(), results, applied);
        }
        if (failure == null && options.waitHealthy()) {
            failure = waiter.waitFor(liveOf(plan.tasks(), applied), results, "sync");
        } else {
            liveOf(plan.tasks(), applied).forEach((key, live) -> results.computeIfPresent(key,
                    (k, r) -> r.withHealth(target.health(live))));
        }
        for (SyncTask task : plan.tasks()) {
            results.putIfAbsent(task.key(), new TaskResult(task.key(), task.action(), Outcome.NOT_ATTEMPTED,
                    "not attempted: the sync stopped at an earlier failure", null, 0, task.source()));
        }
        List<TaskResult> ordered = plan.tasks().stream().map(t -> results.get(t.key())).toList();
        HealthStatus health = Health.worst(ordered.stream().filter(r -> r.health() != null).map(TaskResult::health).toList());
        return new SyncOutcome(plan, ordered, failure == null ? health : health.worst(HealthStatus.DEGRADED),
                failure == null, failure == null ? "synced" : failure);
    }

    /**
     * Sends every create and update of the plan to the target as a server-side dry run, before the first
     * write, as Argo CD and Flux do: only when the server accepts all of them may the sync write. Every
     * refused object is reported at once.
     *
     * @return how many objects the server checked (others: the target has no dry run, or the object's
     *         namespace or CRD is created by this sync)
     * @throws InvalidInputException listing each object the server refuses as invalid
     * @throws GitOpsException when the server cannot be asked (after the environment's retries)
     */
    public int dryRunOnServer(SyncPlan plan) {
        List<String> refused = new ArrayList<>();
        int checked = 0;
        for (SyncTask task : plan.tasks()) {
            if (task.action() != SyncAction.CREATE && task.action() != SyncAction.UPDATE) {
                continue;
            }
            try {
                boolean done = retrier.call("dry run " + task.key(), () -> task.action() == SyncAction.CREATE
                        ? target.dryRunCreate(task.desired()) : target.dryRunUpdate(task.desired(), task.live())).value();
                checked += done ? 1 : 0;
            } catch (InvalidInputException e) {
                refused.addAll(e.problems());
            }
        }
        if (!refused.isEmpty()) {
            throw new InvalidInputException(refused);
        }
        return checked;
    }

    /** Applies tasks in order; returns the failure message of the first failing one, or null. */
    private String applyAll(List<SyncTask> tasks, Map<ResourceKey, TaskResult> results, Map<ResourceKey, Resource> applied) {
        for (SyncTask task : tasks) {
            try {
                Retrier.Attempted<Resource> done = apply(task);
                if (done.value() != null) {
                    applied.put(task.key(), done.value());
                }
                results.put(task.key(), new TaskResult(task.key(), task.action(), Outcome.DONE,
                        task.action() == SyncAction.PRUNE_SKIPPED ? "not in Git; prune is off for this environment" : "",
                        null, done.attempts(), task.source()));
            } catch (GitOpsException e) {
                String message = (task.source().isEmpty() ? "" : task.source() + ": ") + task.key() + ": "
                        + task.action().displayName() + " failed: " + e.getMessage();
                listener.progress("  FAILED " + message);
                results.put(task.key(), new TaskResult(task.key(), task.action(), Outcome.FAILED, e.getMessage(), null,
                        0, task.source()));
                return message;
            }
        }
        return null;
    }

    private Retrier.Attempted<Resource> apply(SyncTask task) {
        String what = task.action().displayName() + " " + task.key();
        return switch (task.action()) {
            case CREATE -> {
                listener.progress("  create " + task.key());
                yield retrier.call(what, () -> target.create(task.desired()));
            }
            case UPDATE -> {
                listener.progress("  update " + task.key() + " (" + task.diff().changes().size() + " field(s))");
                yield retrier.call(what, () -> target.update(task.desired(), task.live()));
            }
            case DELETE -> {
                listener.progress("  prune  " + task.key());
                yield retrier.call(what, () -> {
                    target.delete(task.live());
                    return null;
                });
            }
            case UNCHANGED -> new Retrier.Attempted<>(task.live(), 0);
            case PRUNE_SKIPPED -> new Retrier.Attempted<>(null, 0);
        };
    }

    /** The latest known live form of the desired objects among tasks: just applied, or as listed. */
    private static Map<ResourceKey, Resource> liveOf(List<SyncTask> tasks, Map<ResourceKey, Resource> applied) {
        Map<ResourceKey, Resource> live = new LinkedHashMap<>();
        for (SyncTask task : tasks) {
            if (task.desired() != null && applied.containsKey(task.key())) {
                live.put(task.key(), applied.get(task.key()));
            }
        }
        return live;
    }
}
