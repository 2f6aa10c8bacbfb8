package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.api.PreviewInfo;
import io.jenkins.plugins.gitops.engine.api.PreviewRequest;
import io.jenkins.plugins.gitops.engine.api.PreviewResult;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.PreviewNames;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.preview.Preview;
import io.jenkins.plugins.gitops.engine.preview.PreviewRewriter;
import io.jenkins.plugins.gitops.engine.preview.PreviewUrls;
import io.jenkins.plugins.gitops.engine.sync.SyncExecutor;
import io.jenkins.plugins.gitops.engine.sync.SyncOptions;
import io.jenkins.plugins.gitops.engine.sync.SyncOutcome;
import io.jenkins.plugins.gitops.engine.sync.SyncPlan;
import io.jenkins.plugins.gitops.engine.sync.SyncPlanner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Previews (docs/previews.md): create or update one through the ordinary {@link SyncOperation} (render,
 * policies, dry run, lock, hooks, apply, prune, health wait, record in the preview's own history), delete
 * one by pruning every object its own environment owns, list those a target holds, and remove idle ones.
 */
final class PreviewOperation {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PreviewOperation.class);
    private final EngineContext context;

    PreviewOperation(EngineContext context) {
        this.context = context;
    }

    PreviewResult create(PreviewRequest request) {
        Repository.Snapshot snapshot = context.repository.snapshot(request.revision());
        Preview preview = Preview.of(snapshot.config(), request.environment(), request.id());
        Map<String, String> overrides = preview.checkOverrides(request.variables());
        context.listener.progress("Preview '" + preview.name() + "' of environment '" + preview.template().name()
                + "' for change request " + preview.id());
        SyncRequest sync = new SyncRequest(preview.name(), snapshot.revision().commitId(), false, true, true,
                request.timeout(), overrides, request.trigger(), request.actor());
        SyncResult result = new SyncOperation(context, subject(request.environment(), preview.id(), overrides)).run(sync);
        String url = result.succeeded() ? url(preview) : null;
        if (url != null) {
            context.listener.progress("  preview URL: " + url);
        }
        return new PreviewResult(preview.template().name(), preview.id(), preview.name(), url, result);
    }

    /**
     * Deletes every object the preview's environment owns (its labels), the namespace last. Its history
     * lives in that namespace (Kubernetes) and goes with it, or is removed from the stack (Swarm), so no
     * record is written.
     */
    PreviewResult delete(String environment, String id) {
        Instant started = Instant.now();
        Repository.Snapshot head = context.repository.snapshot(null);
        Preview preview = Preview.of(head.config(), environment, id);
        // deleting a preview means emptying its environment on purpose: the prune-everything guard does not apply
        Environment own = preview.environment().withAllowEmpty(true);
        context.listener.progress("Deleting preview '" + preview.name() + "' of environment '" + environment + "'");
        try (Target target = context.targets.open(own)) {
            DesiredState kinds = target.prepare(renderForKinds(head, preview));
            DesiredState none = kinds.withResources(List.of());
            SyncPlan plan = new SyncPlanner(target).plan(own, none, target.live(kinds));
            SyncOutcome outcome = new SyncExecutor(target, own.retry(), context.listener)
                    .execute(plan, SyncOptions.defaults(own.healthTimeout()).withWait(false));
            SyncResult result = SyncResults.of(own, head.revision().commitId(), target.describe(), false, outcome,
                    List.of(), Duration.between(started, Instant.now()));
            if (result.succeeded()) {
                target.removeHistory(); // Swarm: the stack's history configs (Kubernetes: gone with the namespace)
            }
            context.listener.progress((result.succeeded() ? "" : "FAILED: " + result.message() + "\n") + "  deleted "
                    + result.deleted() + " object(s) of preview '" + preview.name() + "'");
            return new PreviewResult(environment, preview.id(), preview.name(), null, result);
        }
    }

    /** The previews of {@code environment} (null: of every environment with a {@code preview:}), by name. */
    List<PreviewInfo> list(String environment) {
        ProjectConfig config = context.repository.snapshot(null).config();
        if (environment != null) {
            config.preview(environment); // a clear error when it has none
        }
        List<String> templates = environment != null ? List.of(environment) : List.copyOf(config.previews().keySet());
        List<PreviewInfo> out = new ArrayList<>();
        for (String template : templates) {
            List<String> names;
            try (Target target = context.targets.open(config.environment(template))) {
                names = target.previews(template);
            }
            for (String name : names) {
                String id = PreviewNames.idOf(config.preview(template), template, name);
                if (id != null) {
                    out.add(info(Preview.of(config, template, id)));
                }
            }
        }
        return out;
    }

    /**
     * Deletes the previews of {@code environment} idle for longer than {@code olderThan} (null: than
     * the environment's {@code preview.ttl}; nothing when it has none). Returns what it deleted.
     */
    List<PreviewResult> prune(String environment, Duration olderThan, Instant now) {
        ProjectConfig config = context.repository.snapshot(null).config();
        Duration limit = olderThan != null ? olderThan : config.preview(environment).ttl();
        if (limit == null) {
            return List.of();
        }
        List<PreviewResult> deleted = new ArrayList<>();
        for (PreviewInfo info : list(environment)) {
            if (info.idle(now).compareTo(limit) > 0) {
                context.listener.progress("Preview '" + info.name() + "' idle for "
                        + io.jenkins.plugins.gitops.engine.config.Durations.format(info.idle(now).withNanos(0))
                        + ", past " + io.jenkins.plugins.gitops.engine.config.Durations.format(limit));
                deleted.add(delete(environment, info.id()));
            }
        }
        return deleted;
    }

    List<DeploymentRecord> history(String environment, String id) {
        Preview preview = Preview.of(context.repository.snapshot(null).config(), environment, id);
        try (Target target = context.targets.open(preview.environment())) {
            return context.history(target, preview.environment()).list(preview.name());
        }
    }

    private PreviewInfo info(Preview preview) {
        try (Target target = context.targets.open(preview.environment())) {
            List<DeploymentRecord> records = context.history(target, preview.environment()).list(preview.name());
            DeploymentRecord newest = records.isEmpty() ? null : records.get(0);
            DeploymentRecord oldest = records.isEmpty() ? null : records.get(records.size() - 1);
            String revision = records.stream().filter(Records::applied).findFirst().map(DeploymentRecord::revision)
                    .orElse(null);
            return new PreviewInfo(preview.template().name(), preview.id(), preview.name(), url(preview, target),
                    oldest == null ? null : oldest.startedAt(),
                    newest == null ? null : newest.finishedAt() != null ? newest.finishedAt() : newest.startedAt(),
                    revision, newest == null ? null : newest.healthStatus(),
                    newest == null ? "never synced" : newest.result().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private String url(Preview preview) {
        try (Target target = context.targets.open(preview.environment())) {
            return url(preview, target);
        }
    }

    /**
     * Kubernetes: the URL the preview's namespace records (see PreviewRewriter). Swarm: from its services
     * (a Traefik rule's URL label, else the preview host and a port the daemon published; {@link PreviewUrls}).
     */
    private static String url(Preview preview, Target target) {
        if (preview.template().target().type() != TargetSpec.Type.KUBERNETES) {
            return PreviewUrls.swarm(preview, target.endpoints());
        }
        return target.get(new ResourceKey("", "Namespace", null, preview.name()))
                .map(ns -> ns.annotations().get(Labels.PREVIEW_URL)).orElse(null);
    }

    /** The render used to find the preview's kinds when deleting; empty when HEAD no longer renders. */
    private DesiredState renderForKinds(Repository.Snapshot head, Preview preview) {
        try {
            return subject(preview.template().name(), preview.id(), Map.of()).render(context, head, preview.environment(),
                    Map.of(), context.capabilities(preview.environment()));
        } catch (InvalidInputException e) {
            // usual: the template needs the preview's own variables (--set), which a delete does not have
            LOG.debug("{} does not render at HEAD without the preview's variables ({}); deleting the kinds the target"
                    + " recorded", preview.template().name(), e.getMessage().lines().findFirst().orElse(""));
            context.listener.progress("  deleting the kinds of objects the target recorded for " + preview.name());
            return new DesiredState(preview.name(), head.revision().commitId(), List.of(), List.of());
        }
    }

    /** The preview as a {@link SyncSubject}: derived from its template at each snapshot, rendered with rewrites. */
    private static SyncSubject subject(String template, String id, Map<String, String> overrides) {
        return new SyncSubject() {
            @Override
            public Environment environment(Repository.Snapshot snapshot, String name) {
                return Preview.of(snapshot.config(), template, id).environment();
            }

            @Override
            public DesiredState render(EngineContext context, Repository.Snapshot snapshot, Environment environment,
                    Map<String, String> variables, ClusterCapabilities capabilities) {
                Preview preview = Preview.of(snapshot.config(), template, id);
                Map<String, String> all = new HashMap<>(environment.variables());
                all.putAll(overrides);
                return new PreviewRewriter(preview, all).rewrite(context.render(snapshot, environment, variables, capabilities));
            }
        };
    }
}
