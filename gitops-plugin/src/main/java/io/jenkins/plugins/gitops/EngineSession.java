package io.jenkins.plugins.gitops;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.GitOpsException;
import io.jenkins.plugins.gitops.engine.ProgressListener;
import io.jenkins.plugins.gitops.engine.cluster.TargetFactory;
import io.jenkins.plugins.gitops.engine.cluster.TargetSettings;
import io.jenkins.plugins.gitops.engine.cluster.Targets;
import io.jenkins.plugins.gitops.engine.pipeline.ControllerAccess;
import io.jenkins.plugins.gitops.engine.pipeline.LifecycleOperations;
import io.jenkins.plugins.gitops.engine.model.Masking;
import io.jenkins.plugins.gitops.engine.notify.Notifier;
import io.jenkins.plugins.gitops.engine.source.GitCredentials;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;

/**
 * One use of the engine from Jenkins: the facade for one repository, with Git and target
 * credentials resolved in the caller's context, the keys of {@code verify.signatures} from the global
 * configuration ({@link SignatureKeys}), and a build-log listener that masks their values.
 * Opened per step call, job-page rollback or drift check, and closed after it.
 *
 * <p>Every engine call runs with this plugin's class loader as the thread's context class loader.
 * Jenkins threads carry core's: {@code hudson.util.ClassLoaderSanityThreadFactory} sets it on the
 * threads of {@code Computer.threadPoolForRemoting} (where step executions and the drift worker run)
 * and {@code jenkins.util.Timer}, and web requests carry the web application's. None of them sees
 * this plugin's {@code WEB-INF/lib}: helm-java would not find its native library
 * ({@code META-INF/services} in {@code helm-java}'s platform jar) and try to download one, JGit
 * would miss its SSH session factory and fabric8 its HTTP client factory, all found through
 * {@code ServiceLoader} with the context class loader.
 */
final class EngineSession implements AutoCloseable {
    private final GitOpsRepository repository;
    private final GitOps gitOps;
    private final ProgressListener listener;
    private final Masking masker;
    private final SignatureKeys keys;

    private EngineSession(GitOpsRepository repository, GitOps gitOps, ProgressListener listener, Masking masker,
            SignatureKeys keys) {
        this.repository = repository;
        this.gitOps = gitOps;
        this.listener = listener;
        this.masker = masker;
        this.keys = keys;
    }

    /**
     * @param repositoryUrl       step argument, or null for the first configured repository
     * @param credentialsId       Git credentials overriding the configured ones, or null
     * @param targetCredentialsId target credentials for {@code environments} overriding the configured ones, or null
     * @param environments        the environments this session will open targets for
     */
    static EngineSession open(String repositoryUrl, String credentialsId, String targetCredentialsId,
            List<String> environments, CredentialsLookup lookup, TaskListener log) {
        GitOpsConfiguration config = GitOpsConfiguration.get();
        ControllerAccess access = config.access();
        GitOpsRepository repository = config.repository(repositoryUrl);
        List<String> secrets = new ArrayList<>();
        EngineCredentials credentials = new EngineCredentials(lookup, secrets, access);
        GitCredentials git = credentials.git(credentialsId != null ? credentialsId : repository.getCredentialsId(),
                repository);
        Map<String, TargetSettings> settings = new HashMap<>();
        for (String environment : environments) {
            EnvironmentTarget target = repository.target(environment).orElse(new EnvironmentTarget(environment));
            String id = targetCredentialsId != null ? targetCredentialsId : target.getCredentialsId();
            settings.put(environment, credentials.target(id, target.getContext(), target.getDockerHost()));
        }
        Notifier notifier = Notifications.notifier(config, secrets, log);
        // a session for one environment also opens its previews (environments of their own) with its settings
        TargetSettings only = environments.size() == 1 ? settings.get(environments.get(0)) : TargetSettings.DEFAULTS;
        TargetFactory targets = environment -> {
            TargetSettings chosen = settings.getOrDefault(environment.name(), only);
            access.checkTarget(environment, chosen);
            return Targets.factory(chosen).open(environment);
        };
        Path cache = new File(Jenkins.get().getRootDir(), "caches/gitops").toPath();
        // the keys of verify.signatures: global credentials as SYSTEM whatever the caller's context (SignatureKeys)
        SignatureKeys keys = SignatureKeys.resolve(config, new File(Jenkins.get().getRootDir(), "caches/gitops-keys").toPath(),
                secrets);
        try {
            Masking masker = new Masking(secrets); // made after the keys: the signing key's text is one of the secrets
            ProgressListener listener = masker.wrap(BuildLog.listener(log)::progress)::accept;
            GitOps gitOps = GitOps.builder().repository(repository.getUrl()).credentials(git).cacheDir(cache)
                    .targets(targets).listener(listener).holder(lookup.holder()).secrets(secrets)
                    .notifier(notifier).link(lookup.link()).metrics(GitOpsMetricsAction.metrics())
                    .trustedKeys(keys.trustedKeys()).signingKey(keys.signingKey()).build();
            return new EngineSession(repository, gitOps, listener, masker, keys);
        } catch (RuntimeException e) {
            keys.close();
            throw e;
        }
    }

    /** Work done with an open session; engine errors become step failures with masked messages. */
    @FunctionalInterface
    interface Work<T> {
        T run(EngineSession session) throws AbortException;
    }

    /**
     * Opens a session, runs {@code work}, closes it, all with this plugin's context class loader; any
     * engine error fails {@code step} with its (masked) message.
     */
    static <T> T use(String step, String repositoryUrl, String credentialsId, String targetCredentialsId,
            List<String> environments, CredentialsLookup lookup, TaskListener log, Work<T> work) throws AbortException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EngineSession.class.getClassLoader());
        try {
            EngineSession session;
            try {
                session = open(repositoryUrl, credentialsId, targetCredentialsId, environments, lookup, log);
            } catch (GitOpsException e) {
                throw Failures.abort(step, e, text -> text);
            }
            try (session) {
                return work.run(session);
            } catch (GitOpsException e) {
                throw Failures.abort(step, e, session::mask);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    GitOpsRepository repository() {
        return repository;
    }

    GitOps gitOps() {
        return gitOps;
    }

    ProgressListener listener() {
        return listener;
    }

    /** Replaces the session's secret values in text bound for the log or an error message. */
    String mask(String text) {
        return masker.mask(text);
    }

    LifecycleOperations lifecycle() {
        return GitOpsLifecycleProvider.lookup(gitOps, listener);
    }

    @Override
    public void close() {
        try {
            gitOps.close();
        } finally {
            keys.close();
        }
    }
}
