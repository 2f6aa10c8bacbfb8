package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.cluster.TargetFactory;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.engine.render.Renderers;
import io.jenkins.plugins.gitops.engine.sync.SyncExecutor;
import io.jenkins.plugins.gitops.engine.sync.SyncOptions;
import io.jenkins.plugins.gitops.engine.sync.SyncOutcome;
import io.jenkins.plugins.gitops.engine.sync.SyncPlan;
import io.jenkins.plugins.gitops.engine.sync.SyncPlanner;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One sync (or dry run) of one environment: fetch → render → prepare → validate (all before any
 * write) → list live → plan → apply → prune → wait healthy.
 */
final class SyncOperation {
    private final Repository repository;
    private final TargetFactory targets;
    private final Renderers renderers;
    private final ProgressListener listener;

    SyncOperation(Repository repository, TargetFactory targets, Renderers renderers, ProgressListener listener) {
        this.repository = repository;
        this.targets = targets;
        this.renderers = renderers;
        this.listener = listener;
    }

    SyncResult run(SyncRequest request) {
        long started = System.nanoTime();
        Repository.Snapshot snapshot = repository.snapshot(request.revision());
        Environment environment = snapshot.config().environment(request.environment());
        if (request.prune() != null) {
            environment = environment.withPrune(request.prune());
        }
        Map<String, String> variables = new HashMap<>(environment.variables());
        variables.putAll(request.variables());
        listener.progress((request.dryRun() ? "Planning " : "Syncing ") + "environment '" + environment.name() + "' at "
                + snapshot.revision());
        DesiredState rendered = renderers.render(snapshot.tree(), environment, variables, snapshot.revision().commitId());
        listener.progress("  rendered " + rendered.resources().size() + " object(s) from " + environment.path());
        rendered.warnings().forEach(w -> listener.progress("  warning: " + w));
        try (Target target = targets.open(environment)) {
            DesiredState prepared = target.prepare(rendered);
            target.validate(prepared);
            Map<ResourceKey, Resource> live = target.live(prepared);
            SyncPlan plan = new SyncPlanner(target).plan(environment, prepared, live);
            listener.progress("  plan: " + plan.count(io.jenkins.plugins.gitops.engine.sync.SyncAction.CREATE) + " to create, "
                    + plan.count(io.jenkins.plugins.gitops.engine.sync.SyncAction.UPDATE) + " to update, "
                    + plan.count(io.jenkins.plugins.gitops.engine.sync.SyncAction.DELETE) + " to prune, "
                    + plan.count(io.jenkins.plugins.gitops.engine.sync.SyncAction.UNCHANGED) + " unchanged");
            Duration timeout = request.timeout() != null ? request.timeout() : environment.healthTimeout();
            SyncOptions options = SyncOptions.defaults(timeout).withDryRun(request.dryRun()).withWait(request.waitHealthy());
            SyncOutcome outcome = new SyncExecutor(target, environment.retry(), listener).execute(plan, options);
            if (outcome.succeeded() && !request.dryRun()) {
                target.afterSync(prepared, prepared.resources());
            }
            SyncResult result = SyncResults.of(environment, snapshot.revision().commitId(), target.describe(), request.dryRun(),
                    outcome, Duration.ofNanos(System.nanoTime() - started));
            listener.progress((result.succeeded() ? "" : "FAILED: " + result.message() + "\n") + result.summary());
            return result;
        }
    }
}
