package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.api.DriftReport;
import io.jenkins.plugins.gitops.engine.api.EnvironmentStatus;
import io.jenkins.plugins.gitops.engine.api.OperationResult;
import io.jenkins.plugins.gitops.engine.api.PreviewInfo;
import io.jenkins.plugins.gitops.engine.api.PreviewRequest;
import io.jenkins.plugins.gitops.engine.api.PreviewResult;
import io.jenkins.plugins.gitops.engine.api.PromoteRequest;
import io.jenkins.plugins.gitops.engine.api.RollbackRequest;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.cluster.TargetFactory;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryMetrics;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryReport;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.metrics.GitOpsMetrics;
import io.jenkins.plugins.gitops.engine.model.Masking;
import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.notify.Notifier;
import io.jenkins.plugins.gitops.engine.render.Renderers;
import io.jenkins.plugins.gitops.engine.render.compose.ComposeRenderer;
import io.jenkins.plugins.gitops.engine.source.GitCredentials;
import io.jenkins.plugins.gitops.engine.verify.TrustedKeys;
import io.jenkins.plugins.gitops.engine.window.WindowState;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one place that joins the engine's pieces. The command, the agent and the Jenkins steps call
 * only this: build it for one repository and a way to open targets, then sync, diff, promote,
 * roll back, check drift, read status and history.
 * <p>
 * Everything that leaves the facade is masked with one {@link Masking}: results (and so diffs as text
 * and JSON), progress messages, exceptions, deployment records and metric labels hold no value of the
 * credentials given to the builder, of variables with secret-looking names, of environment entries with
 * secret-looking names, or of Secret data, desired or live.
 */
public final class GitOps implements AutoCloseable {
    private final EngineContext context;

    private GitOps(Builder builder) {
        Masking secrets = new Masking(builder.secrets).add(credentialValues(builder.credentials));
        Repository repository;
        try {
            repository = new Repository(builder.repository, builder.credentials, builder.cacheDir);
        } catch (GitOpsException e) {
            throw e.mask(secrets);
        }
        this.context = new EngineContext(repository, Objects.requireNonNull(builder.targets, "targets"),
                builder.renderers, builder.listener, builder.holder, builder.cacheDir,
                builder.metrics != null ? builder.metrics : new GitOpsMetrics(),
                new Signatures(builder.trustedKeys, builder.signingKey), secrets, builder.notifier, builder.link);
        this.context.clock = builder.clock;
    }

    private static List<String> credentialValues(GitCredentials credentials) {
        List<String> values = new java.util.ArrayList<>();
        if (credentials instanceof GitCredentials.UsernamePassword up && up.password() != null) {
            values.add(new String(up.password()));
        } else if (credentials instanceof GitCredentials.SshKey key) {
            values.add(key.privateKeyPem());
            if (key.passphrase() != null) {
                values.add(new String(key.passphrase()));
            }
        }
        return values;
    }

    /** Runs an operation and masks what it returns or throws. */
    private <T> T masked(java.util.function.Supplier<T> operation) {
        try {
            return context.secrets.maskAll(operation.get());
        } catch (GitOpsException e) {
            throw e.mask(context.secrets);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The validated gitops.yaml at a revision (null: default branch). */
    public ProjectConfig config(String revision) {
        try {
            return context.repository.snapshot(revision).config();
        } catch (GitOpsException e) {
            throw e.mask(context.secrets);
        }
    }

    /**
     * The commit a branch, tag or commit id (null: the default branch) points at now, fetched from
     * the remote; null for a plain folder, which has no history. A caller that must deploy the same
     * commit later (a Jenkins step resumed after a restart) keeps this id and syncs it.
     */
    public String resolveRevision(String revision) {
        return masked(() -> context.repository.isGit() ? context.repository.snapshot(revision).revision().commitId()
                : null);
    }

    /**
     * Makes the environment match Git: render, validate, check policies, lock, apply, prune, wait, record. Refused
     * first ({@link io.jenkins.plugins.gitops.engine.window.WindowClosedException}) when the environment's deployment
     * windows are closed and the request gives no {@link SyncRequest#overrideWindow() override reason}.
     */
    public SyncResult sync(SyncRequest request) {
        return masked(() -> new SyncOperation(context).checkingWindows().run(request));
    }

    /** What a sync would change, without writing anything. */
    public SyncResult diff(SyncRequest request) {
        return masked(() -> new SyncOperation(context).run(request.withDryRun(true)));
    }

    /**
     * What a sync of the environment would apply, writing nothing: rendered at {@code revision} (null: the
     * default branch) for the target cluster's capabilities and prepared by the target (labels, namespace),
     * hooks included (a {@code generateName} hook is named only when a sync runs it). Reads API discovery of a
     * Kubernetes target; bad input throws {@link InvalidInputException} as a sync would.
     */
    public DesiredState render(String environment, String revision, Map<String, String> variables) {
        try {
            return renderUnmasked(environment, revision, variables);
        } catch (GitOpsException e) {
            throw e.mask(context.secrets);
        }
    }

    private DesiredState renderUnmasked(String environment, String revision, Map<String, String> variables) {
        Repository.Snapshot snapshot = context.repository.snapshot(revision);
        Environment env = snapshot.config().environment(environment);
        boolean kubernetes = env.target() != null && env.target().type() == TargetSpec.Type.KUBERNETES;
        DesiredState offline = kubernetes ? null : context.render(snapshot, env, variables,
                ClusterCapabilities.offline());
        try (Target target = context.targets.open(env)) {
            return target.prepare(kubernetes ? context.render(snapshot, env, variables, target.capabilities()) : offline);
        }
    }

    /**
     * Copies the release of one environment into the next one's folder, commits and pushes (retrying
     * on concurrent pushes, never forcing), and syncs it when asked. Refuses, with the reason, when
     * a pre-check fails: source unhealthy or not in sync, not the next stage, policies, approval.
     */
    public OperationResult promote(PromoteRequest request) {
        return masked(() -> new PromoteOperation(context).run(request));
    }

    /** Goes back to a recorded deployment: revert commits plus sync (default), or a direct, pinning apply. */
    public OperationResult rollback(RollbackRequest request) {
        return masked(() -> new RollbackOperation(context).run(request));
    }

    /**
     * Compares live with the last synced revision and Git HEAD with it. With {@code allowHeal}, an
     * environment with {@code selfHeal} is synced back (trigger self-heal) and one with
     * {@code sync: automatic} is synced to HEAD; pinned environments are never healed.
     */
    public DriftReport drift(String environment, boolean allowHeal) {
        return masked(() -> new DriftOperation(context).run(environment, allowHeal));
    }

    /**
     * The deployment windows of an environment now (the builder's clock), as gitops.yaml on the default branch
     * defines them: open or closed for automatic and for manual operations, why, and when that changes next
     * (docs/windows.md). Read-only; reads Git only.
     */
    public WindowState window(String environment) {
        try {
            return new WindowGate(context).state(context.repository.snapshot(null).config(), environment);
        } catch (GitOpsException e) {
            throw e.mask(context.secrets);
        }
    }

    /**
     * Sends {@code on-approval-waiting} for a promotion from {@code from} into {@code to} to the receivers of
     * {@code to}'s {@code notifications:}, for callers that check approvals before calling {@link #promote} (the
     * Jenkins step). {@link #promote} sends it by itself when it refuses a promotion without an approver.
     */
    public void notifyApprovalWaiting(String from, String to, String actor) {
        masked(() -> {
            ProjectConfig config = context.repository.snapshot(null).config();
            new Notices(context).approvalWaiting(config, config.environment(from), config.environment(to), null, actor);
            return null;
        });
    }

    /**
     * Sends {@code on-window-override}: {@code operation} of {@code environment} at {@code revision} runs outside its
     * deployment window because {@code actor} overrode it with {@code reason} (docs/notifications.md).
     */
    public void notifyWindowOverride(String environment, String revision, String operation, String actor, String reason) {
        masked(() -> {
            new Notices(context).windowOverride(context.repository.snapshot(null).config(), environment, revision,
                    operation, actor, reason, null);
            return null;
        });
    }

    /** Last deployment, Git HEAD, health, pin and lease of an environment. Read-only. */
    public EnvironmentStatus status(String environment) {
        return masked(() -> new StatusQuery(context).run(environment));
    }

    /** The environment's deployment records, newest first, from the target (so they survive any CI server). */
    public List<DeploymentRecord> history(String environment) {
        return masked(() -> new StatusQuery(context).history(environment));
    }

    /**
     * Deployment frequency, lead time for changes, change failure rate and time to restore of an environment
     * over {@code [from, to)}, from the target's history (full records and summaries) and the commits they
     * deployed (author times read from Git). Read-only; definitions in docs/delivery-metrics.md.
     */
    public DeliveryMetrics delivery(String environment, Instant from, Instant to) {
        return new DeliveryQuery(context).run(environment, from, to);
    }

    /**
     * The figures of an environment over the 30 days before {@code to} and its weekly trend over the 12 weeks
     * before it ({@link DeliveryReport}), from one read of the target's history. Read-only; for dashboards
     * (the Jenkins job page) that refresh it in the background.
     */
    public DeliveryReport deliveryReport(String environment, Instant to) {
        return new DeliveryQuery(context).report(environment, to);
    }

    /**
     * Creates or updates the preview of an environment for a change request (docs/previews.md): the
     * environment rendered with the overrides, in its own namespace or stack, synced like any
     * environment (hooks, health wait, its own history). The result carries the preview's URL.
     */
    public PreviewResult previewCreate(PreviewRequest request) {
        return new PreviewOperation(context).create(request);
    }

    /** Deletes every object of a preview, and only those (its own environment's labels). */
    public PreviewResult previewDelete(String environment, String id) {
        return new PreviewOperation(context).delete(environment, id);
    }

    /** The deployment records of a preview, newest first, from its own history. */
    public List<DeploymentRecord> previewHistory(String environment, String id) {
        return new PreviewOperation(context).history(environment, id);
    }

    /** The previews of an environment (null: of all environments with a preview section) found in their targets. */
    public List<PreviewInfo> previews(String environment) {
        return new PreviewOperation(context).list(environment);
    }

    /**
     * Deletes the previews of an environment idle (no deployment) for longer than {@code olderThan}, or
     * than its {@code preview.ttl} when null; returns what was deleted.
     */
    public List<PreviewResult> previewPrune(String environment, java.time.Duration olderThan) {
        return previewPrune(environment, olderThan, java.time.Instant.now());
    }

    /** {@link #previewPrune(String, java.time.Duration)} as seen at {@code now} (tests, expiry). */
    List<PreviewResult> previewPrune(String environment, java.time.Duration olderThan, java.time.Instant now) {
        return new PreviewOperation(context).prune(environment, olderThan, now);
    }

    /** The Prometheus metrics this facade records (deployments, rollbacks, drift, sync status). */
    public GitOpsMetrics metrics() {
        return context.metrics;
    }

    @Override
    public void close() {
        context.repository.close();
        context.targets.close();
        context.notifier.close();
    }

    /** Configures a {@link GitOps}. Only the repository and the target factory are required. */
    public static final class Builder {
        private String repository;
        private GitCredentials credentials = GitCredentials.NONE;
        private Path cacheDir = Path.of(System.getProperty("user.home"), ".cache", "jenkins-gitops");
        private TargetFactory targets;
        private Renderers renderers = Renderers.standard().with(new ComposeRenderer());
        private ProgressListener listener = ProgressListener.NONE;
        private String holder = "gitops@" + ManagementFactory.getRuntimeMXBean().getName();
        private GitOpsMetrics metrics;
        private final List<String> secrets = new java.util.ArrayList<>();
        private TrustedKeys trustedKeys = TrustedKeys.NONE;
        private Path signingKey;
        private java.time.Clock clock = java.time.Clock.systemUTC();
        private Notifier notifier = Notifier.NONE;
        private String link;

        /** A Git URL, a local Git repository, or a plain local folder. */
        public Builder repository(String location) {
            this.repository = location;
            return this;
        }

        /**
         * Values to mask in everything the facade returns, logs, records or throws: the credentials the
         * caller used to reach targets and anything else it knows to be secret. The Git credentials given
         * to {@link #credentials} are added by themselves.
         */
        public Builder secrets(java.util.Collection<String> values) {
            this.secrets.addAll(values);
            return this;
        }

        public Builder credentials(GitCredentials value) {
            this.credentials = value;
            return this;
        }

        /** Where clones (and, for targets without their own, history) are kept between runs. */
        public Builder cacheDir(Path value) {
            this.cacheDir = value;
            return this;
        }

        public Builder targets(TargetFactory value) {
            this.targets = value;
            return this;
        }

        public Builder renderers(Renderers value) {
            this.renderers = value;
            return this;
        }

        public Builder listener(ProgressListener value) {
            this.listener = value;
            return this;
        }

        /** Who takes environment locks, as people should read it: {@code jenkins/deploy#42}, {@code agent@host}. */
        public Builder holder(String value) {
            this.holder = value;
            return this;
        }

        /** Where to record metrics (share one registry with an agent's /metrics); default: a registry of its own. */
        public Builder metrics(GitOpsMetrics value) {
            this.metrics = value;
            return this;
        }

        /**
         * The keys whose commit signatures environments with {@code verify.signatures} accept; from the operator
         * (command options, Jenkins credentials), never from the repository. Default: none.
         */
        public Builder trustedKeys(TrustedKeys value) {
            this.trustedKeys = value == null ? TrustedKeys.NONE : value;
            return this;
        }

        /**
         * An unencrypted SSH private key the engine signs its promotion and revert commits with (null: it does
         * not sign; environments with {@code verify.signatures: required} then refuse those operations).
         */
        public Builder signingKey(Path value) {
            this.signingKey = value;
            return this;
        }

        /** The clock deployment windows are evaluated with (docs/windows.md); default: the system's, in UTC. */
        public Builder clock(java.time.Clock value) {
            this.clock = value == null ? java.time.Clock.systemUTC() : value;
            return this;
        }

        /**
         * Where notification events go (docs/notifications.md); closed with the facade. Default: nowhere. The
         * events of an operation are only those its environment's {@code notifications:} subscribes receivers to.
         */
        public Builder notifier(Notifier value) {
            this.notifier = value == null ? Notifier.NONE : value;
            return this;
        }

        /** The link events carry: the Jenkins build, the agent's address (null: none). */
        public Builder link(String value) {
            this.link = value == null || value.isBlank() ? null : value;
            return this;
        }

        public GitOps build() {
            if (repository == null || repository.isBlank()) {
                throw new InvalidInputException("no GitOps repository given: set --repo (or GITOPS_REPO) to a Git URL or folder");
            }
            return new GitOps(this);
        }
    }
}
