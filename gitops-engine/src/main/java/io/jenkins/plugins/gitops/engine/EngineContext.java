package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.cluster.TargetFactory;
import io.jenkins.plugins.gitops.engine.diff.Redaction;
import io.jenkins.plugins.gitops.engine.history.FileHistoryStore;
import io.jenkins.plugins.gitops.engine.history.HistoryStore;
import io.jenkins.plugins.gitops.engine.history.OwnedHistory;
import io.jenkins.plugins.gitops.engine.lease.InProcessLease;
import io.jenkins.plugins.gitops.engine.lease.Lease;
import io.jenkins.plugins.gitops.engine.metrics.GitOpsMetrics;
import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Masking;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.engine.notify.Notifier;
import io.jenkins.plugins.gitops.engine.render.Renderers;
import io.jenkins.plugins.gitops.engine.render.compose.ComposeRenderer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What every operation of the facade shares: the repository, how to open targets and render, where
 * progress goes, and the fallbacks for targets that keep no history or lease of their own.
 */
final class EngineContext {
    /** One lock table per JVM: two facades in one process never run one environment at once. */
    private static final Lease PROCESS_LEASE = new InProcessLease();

    final Repository repository;
    final TargetFactory targets;
    final Renderers renderers;
    final ProgressListener listener;
    final String holder;
    final GitOpsMetrics metrics;
    final Signatures signatures;
    /** The secret values known to this facade's operations; every text leaving the facade goes through it. */
    final Masking secrets;
    /** Where notification events go ({@link Notices}), and the link they carry (null: none). */
    final Notifier notifier;
    final String link;
    private final HistoryStore fallbackHistory;

    EngineContext(Repository repository, TargetFactory targets, Renderers renderers, ProgressListener listener,
            String holder, Path cacheDir, GitOpsMetrics metrics) {
        this(repository, targets, renderers, listener, holder, cacheDir, metrics, new Signatures(null, null),
                new Masking(), Notifier.NONE, null);
    }

    EngineContext(Repository repository, TargetFactory targets, Renderers renderers, ProgressListener listener,
            String holder, Path cacheDir, GitOpsMetrics metrics, Signatures signatures, Masking secrets,
            Notifier notifier, String link) {
        this.notifier = notifier;
        this.link = link;
        this.signatures = signatures;
        this.metrics = metrics;
        this.repository = repository;
        this.targets = targets;
        this.renderers = renderers;
        this.secrets = secrets;
        this.listener = message -> listener.progress(secrets.mask(message));
        this.holder = holder;
        this.fallbackHistory = new FileHistoryStore(cacheDir.resolve("history"));
    }

    /** The environment's deployment records: kept in the target when it can, stamped with and filtered by owner. */
    HistoryStore history(Target target, Environment environment) {
        HistoryStore store = target.historyStore();
        return new OwnedHistory(store != null ? store : fallbackHistory, environment.tracking(), secrets);
    }

    Lease lease(Target target) {
        Lease lease = target.lease();
        return lease != null ? lease : PROCESS_LEASE;
    }

    /**
     * The desired state of an environment at a snapshot, with the environment's and the caller's variables,
     * rendered for what the environment's cluster serves (opens its target for that when it is Kubernetes).
     * Values of secret-looking variables (also of the folder's compose {@code .env}) and secret values in the
     * objects become known secrets.
     */
    DesiredState render(Repository.Snapshot snapshot, Environment environment, Map<String, String> extraVariables) {
        return render(snapshot, environment, extraVariables, capabilities(environment));
    }

    /** As {@link #render(Repository.Snapshot, Environment, Map)} for capabilities already read from an open target. */
    DesiredState render(Repository.Snapshot snapshot, Environment environment, Map<String, String> extraVariables,
            ClusterCapabilities capabilities) {
        Map<String, String> variables = new HashMap<>(environment.variables());
        variables.putAll(extraVariables);
        secrets.addSecretVariables(variables);
        try {
            secrets.addSecretVariables(ComposeRenderer.dotEnv(snapshot.tree(), environment.path()));
        } catch (InvalidInputException unreadable) {
            // the renderer reports it, naming the file
        }
        DesiredState rendered = renderers.render(snapshot.tree(), environment, variables, snapshot.revision().commitId(),
                capabilities);
        rendered.resources().forEach(r -> secrets.add(Redaction.secretValues(r)));
        return rendered;
    }

    /** The managed live objects of a target; their secret values (old passwords, say) become known secrets. */
    Map<ResourceKey, Resource> live(Target target, DesiredState prepared) {
        Map<ResourceKey, Resource> live = target.live(prepared);
        live.values().forEach(r -> secrets.add(Redaction.secretValues(r)));
        return live;
    }

    /** What the environment's cluster serves; offline for targets that are not Kubernetes. */
    ClusterCapabilities capabilities(Environment environment) {
        if (environment.target() == null || environment.target().type() != TargetSpec.Type.KUBERNETES) {
            return ClusterCapabilities.offline();
        }
        try (Target target = targets.open(environment)) {
            return target.capabilities();
        }
    }
}
