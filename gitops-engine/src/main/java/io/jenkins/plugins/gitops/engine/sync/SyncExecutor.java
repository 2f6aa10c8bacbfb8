package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.GitOpsException;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.ProgressListener;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.health.Health;
import io.jenkins.plugins.gitops.engine.health.HealthStatus;
import io.jenkins.plugins.gitops.engine.model.Hook;
import io.jenkins.plugins.gitops.engine.model.Waves;
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
 * Executes a {@link SyncPlan} in Argo CD's order: PreSync hooks (which must complete), then wave by wave
 * the objects and Sync hooks of the wave (waiting for health between waves), prunes, waits for the applied
 * objects to be healthy, then PostSync hooks; SyncFail hooks when the sync failed; hook delete policies last
 * (see {@link HookRunner}). The first failure stops the sync; the outcome
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
            List<HookResult> hooks = plan.hooks().stream().map(h -> new HookResult(h.key(), h.phase(), h.wave(),
                    h.source(), HookResult.Outcome.NOT_RUN, h.phase() == Hook.Phase.SYNC_FAIL
                            ? "dry run: would run if the sync fails" : "dry run: would run", false)).toList();
            return new SyncOutcome(plan, List.copyOf(results.values()), HealthStatus.UNKNOWN, true, "dry run", hooks);
        }
        HealthWaiter waiter = new HealthWaiter(target, options, sleeper, listener);
        HookRunner hooks = new HookRunner(target, retrier, waiter, listener);
        // namespaces first, as Argo CD creates the application namespace in PreSync: hooks run in them
        String failure = applyAll(plan.tasks().stream().filter(SyncExecutor::namespaceFirst).toList(), results, applied);
        if (failure == null) {
            failure = hooks.run(hooksIn(plan, Hook.Phase.PRE_SYNC));
        }
        if (failure == null) {
            failure = syncPhase(plan, options, waiter, hooks, results, applied);
        }
        if (failure == null) {
            failure = applyAll(plan.tasks().stream().filter(t -> t.desired() == null).toList(), results, applied);
        }
        List<HookTask> postSync = hooksIn(plan, Hook.Phase.POST_SYNC);
        if (failure == null && (options.waitHealthy() || !postSync.isEmpty())) {
            failure = waiter.waitFor(liveOf(plan.tasks(), applied), results, "sync");
        } else {
            liveOf(plan.tasks(), applied).forEach((key, live) -> results.computeIfPresent(key,
                    (k, r) -> r.withHealth(target.health(live))));
        }
        if (failure == null) {
            failure = hooks.run(postSync);
        }
        if (failure != null) {
            String syncFail = hooks.run(hooksIn(plan, Hook.Phase.SYNC_FAIL));
            if (syncFail != null) {
                failure += "; SyncFail hook failed too: " + syncFail;
            }
        }
        hooks.applyDeletePolicies();
        for (SyncTask task : plan.tasks()) {
            results.putIfAbsent(task.key(), new TaskResult(task.key(), task.action(), Outcome.NOT_ATTEMPTED,
                    "not attempted: the sync stopped at an earlier failure", null, 0, task.source()));
        }
        List<TaskResult> ordered = plan.tasks().stream().map(t -> results.get(t.key())).toList();
        HealthStatus health = Health.worst(ordered.stream().filter(r -> r.health() != null).map(TaskResult::health).toList());
        return new SyncOutcome(plan, ordered, failure == null ? health : health.worst(HealthStatus.DEGRADED),
                failure == null, failure == null ? "synced" : failure,
                hooks.results(plan.hooks(), failure == null ? null : "the sync failed before its phase"));
    }

    /**
     * The Sync phase: per wave, the wave's objects are applied and its Sync hooks run; with several waves (or
     * hooks), each wave is healthy before the next starts.
     */
    private String syncPhase(SyncPlan plan, SyncOptions options, HealthWaiter waiter, HookRunner hooks,
            Map<ResourceKey, TaskResult> results, Map<ResourceKey, Resource> applied) {
        Map<Integer, List<SyncTask>> waves = new TreeMap<>();
        plan.tasks().stream().filter(t -> t.desired() != null && !namespaceFirst(t))
                .forEach(t -> waves.computeIfAbsent(t.wave(), w -> new ArrayList<>()).add(t));
        List<HookTask> syncHooks = hooksIn(plan, Hook.Phase.SYNC);
        syncHooks.forEach(h -> waves.computeIfAbsent(h.wave(), w -> new ArrayList<>()));
        for (var wave : waves.entrySet()) {
            String failure = applyAll(wave.getValue(), results, applied);
            if (failure == null) {
                failure = hooks.run(syncHooks.stream().filter(h -> h.wave() == wave.getKey()).toList());
            }
            if (failure == null && options.waitHealthy() && waves.size() > 1) {
                failure = waiter.waitFor(liveOf(wave.getValue(), applied), results, "wave " + wave.getKey());
            }
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    /** A Namespace without a wave annotation: applied before everything else. */
    private static boolean namespaceFirst(SyncTask task) {
        return task.desired() != null && SyncPlanner.isNamespace(task.desired()) && !Waves.explicit(task.desired());
    }

    private static List<HookTask> hooksIn(SyncPlan plan, Hook.Phase phase) {
        return plan.hooks().stream().filter(h -> h.phase() == phase).toList();
    }

    /**
     * Sends every create and update of the plan (hooks included, except those replaced under
     * BeforeHookCreation) to the target as a server-side dry run, before the first
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
        for (HookTask hook : plan.hooks()) {
            boolean replaced = hook.live() != null && hook.hook().has(Hook.DeletePolicy.BEFORE_HOOK_CREATION);
            if (replaced) {
                continue; // deleted and created anew when it runs: the object of that name now says nothing
            }
            try {
                boolean done = retrier.call("dry run " + hook.key(), () -> hook.live() == null
                        ? target.dryRunCreate(hook.desired()) : target.dryRunUpdate(hook.desired(), hook.live())).value();
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
                        task.action() == SyncAction.PRUNE_SKIPPED ? pruneSkipped(task) : "",
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

    private static String pruneSkipped(SyncTask task) {
        return PruneProtection.reason(task.live()).map(r -> "not in Git; not pruned because of " + r)
                .orElse("not in Git; prune is off for this environment");
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
                // a retry re-reads the object: after a conflict (409, the object changed since it was listed, say its
                // status) the patch is computed again from what the server has now, as kubectl apply does
                java.util.concurrent.atomic.AtomicInteger attempt = new java.util.concurrent.atomic.AtomicInteger();
                yield retrier.call(what, () -> target.update(task.desired(), attempt.getAndIncrement() == 0
                        ? task.live() : target.get(task.key()).orElse(task.live())));
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
