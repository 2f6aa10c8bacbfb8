package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.GitOpsException;
import io.jenkins.plugins.gitops.engine.ProgressListener;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.health.Health;
import io.jenkins.plugins.gitops.engine.health.HealthStatus;
import io.jenkins.plugins.gitops.engine.model.Hook;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.engine.sync.HookResult.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs hooks as Argo CD does ({@code sync_context.go}): wave by wave, each hook created (an object of the same
 * name deleted first under {@code BeforeHookCreation}, updated otherwise), then waited for until it completes:
 * a Job {@code Complete}, a Pod {@code Succeeded}, other kinds once created. A failed hook fails its phase with
 * the hook's reason; the other hooks of its wave are still waited for. When the sync is over,
 * {@link #applyDeletePolicies()} deletes succeeded {@code HookSucceeded} hooks and failed {@code HookFailed} ones.
 */
final class HookRunner {
    private final Target target;
    private final Retrier retrier;
    private final HealthWaiter waiter;
    private final ProgressListener listener;
    private final Map<HookTask, HookResult> ran = new LinkedHashMap<>();
    private final Map<HookTask, Resource> created = new LinkedHashMap<>();

    HookRunner(Target target, Retrier retrier, HealthWaiter waiter, ProgressListener listener) {
        this.target = target;
        this.retrier = retrier;
        this.waiter = waiter;
        this.listener = listener;
    }

    /** Runs the hooks of one phase, wave by wave; returns the failure message, or null when all succeeded. */
    String run(List<HookTask> hooks) {
        Map<Integer, List<HookTask>> waves = new TreeMap<>();
        hooks.forEach(h -> waves.computeIfAbsent(h.wave(), w -> new ArrayList<>()).add(h));
        for (List<HookTask> wave : waves.values()) {
            String failure = runWave(wave);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    private String runWave(List<HookTask> wave) {
        Map<ResourceKey, Resource> started = new LinkedHashMap<>();
        Map<ResourceKey, HookTask> byKey = new LinkedHashMap<>();
        for (HookTask hook : wave) {
            try {
                Resource live = start(hook);
                started.put(hook.key(), live);
                byKey.put(hook.key(), hook);
                created.put(hook, live);
            } catch (GitOpsException e) {
                String message = hook.describe() + ": create failed: " + e.getMessage();
                listener.progress("  FAILED " + message);
                ran.put(hook, result(hook, Outcome.FAILED, e.getMessage()));
                return message;
            }
        }
        Map<ResourceKey, Health> done = waiter.waitUntilDone(started, "hooks to complete");
        String failure = null;
        for (var entry : done.entrySet()) {
            HookTask hook = byKey.get(entry.getKey());
            Health health = entry.getValue();
            if (health.status() == HealthStatus.HEALTHY) {
                listener.progress("  " + hook.describe() + " succeeded");
                ran.put(hook, result(hook, Outcome.SUCCEEDED, health.message()));
                continue;
            }
            String reason = health.status() == HealthStatus.DEGRADED ? health.message()
                    : "did not complete within " + waiter.secondsAllowed() + "s (" + health + ")";
            listener.progress("  FAILED " + hook.describe() + ": " + reason);
            ran.put(hook, result(hook, Outcome.FAILED, reason));
            if (failure == null) {
                failure = hook.describe() + " failed: " + reason;
            }
        }
        return failure;
    }

    /** Creates the hook (replacing an object of its name under BeforeHookCreation); returns it as created. */
    private Resource start(HookTask hook) {
        listener.progress("  hook " + hook.describe() + (hook.wave() == 0 ? "" : " (wave " + hook.wave() + ")"));
        Resource live = hook.live() != null ? hook.live() : target.get(hook.key()).orElse(null);
        if (live != null && hook.hook().has(Hook.DeletePolicy.BEFORE_HOOK_CREATION)) {
            Resource old = live;
            retrier.call("delete " + hook.key(), () -> {
                target.delete(old);
                return null;
            });
            if (!waiter.waitGone(hook.key())) {
                throw new io.jenkins.plugins.gitops.engine.cluster.TargetException(
                        "the previous " + hook.key() + " is still being deleted", false, null);
            }
            live = null;
        }
        Resource current = live;
        return current == null ? retrier.call("create " + hook.key(), () -> target.create(hook.desired())).value()
                : retrier.call("update " + hook.key(), () -> target.update(hook.desired(), current)).value();
    }

    /** Deletes the hooks whose policy asks for it; a failed delete is noted on the hook, never fails the sync. */
    void applyDeletePolicies() {
        for (var entry : ran.entrySet()) {
            HookTask hook = entry.getKey();
            HookResult result = entry.getValue();
            boolean delete = result.outcome() == Outcome.SUCCEEDED && hook.hook().has(Hook.DeletePolicy.HOOK_SUCCEEDED)
                    || result.outcome() == Outcome.FAILED && hook.hook().has(Hook.DeletePolicy.HOOK_FAILED);
            Resource live = created.get(hook);
            if (!delete || live == null) {
                continue;
            }
            try {
                retrier.call("delete " + hook.key(), () -> {
                    target.delete(live);
                    return null;
                });
                listener.progress("  deleted " + hook.describe() + " (" + (result.outcome() == Outcome.SUCCEEDED
                        ? Hook.DeletePolicy.HOOK_SUCCEEDED : Hook.DeletePolicy.HOOK_FAILED).displayName() + ")");
                entry.setValue(result.withDeleted());
            } catch (GitOpsException e) {
                entry.setValue(new HookResult(result.key(), result.phase(), result.wave(), result.source(),
                        result.outcome(), result.message() + "; delete failed: " + e.getMessage(), false));
            }
        }
    }

    /** Every hook of the plan: as it ran, else not run with {@code why}. */
    List<HookResult> results(List<HookTask> planned, String why) {
        List<HookResult> out = new ArrayList<>();
        for (HookTask hook : planned) {
            HookResult result = ran.get(hook);
            out.add(result != null ? result : result(hook, Outcome.NOT_RUN,
                    hook.phase() == Hook.Phase.SYNC_FAIL && why == null ? "not run: the sync did not fail"
                            : "not run: " + (why == null ? "the sync stopped before its phase" : why)));
        }
        return out;
    }

    private static HookResult result(HookTask hook, Outcome outcome, String message) {
        return new HookResult(hook.key(), hook.phase(), hook.wave(), hook.source(), outcome,
                message == null ? "" : message, false);
    }
}
