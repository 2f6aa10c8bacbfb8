package io.jenkins.plugins.gitops;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.engine.GitOpsException;
import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.ProgressListener;
import io.jenkins.plugins.gitops.engine.cluster.TargetFactory;
import io.jenkins.plugins.gitops.engine.cluster.TargetSettings;
import io.jenkins.plugins.gitops.engine.cluster.Targets;
import io.jenkins.plugins.gitops.engine.pipeline.LifecycleOperations;
import io.jenkins.plugins.gitops.engine.model.Masking;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;

/**
 * One use of the engine from Jenkins: the facade for one repository, with Git and target
 * credentials resolved in the caller's context and a build-log listener that masks their values.
 * Opened per step call, job-page action or drift check, and closed after it.
 */
final class EngineSession implements AutoCloseable {
    private final GitOpsRepository repository;
    private final GitOps gitOps;
    private final ProgressListener listener;
    private final Masking masker;

    private EngineSession(GitOpsRepository repository, GitOps gitOps, ProgressListener listener, Masking masker) {
        this.repository = repository;
        this.gitOps = gitOps;
        this.listener = listener;
        this.masker = masker;
    }

    /**
     * @param repositoryUrl       step argument, or null for the first configured repository
     * @param credentialsId       Git credentials overriding the configured ones, or null
     * @param targetCredentialsId target credentials for {@code environments} overriding the configured ones, or null
     * @param environments        the environments this session will open targets for
     */
    static EngineSession open(String repositoryUrl, String credentialsId, String targetCredentialsId,
            List<String> environments, CredentialsLookup lookup, TaskListener log) {
        GitOpsRepository repository = GitOpsConfiguration.get().repository(repositoryUrl);
        List<String> secrets = new ArrayList<>();
        EngineCredentials credentials = new EngineCredentials(lookup, secrets);
        var git = credentials.git(credentialsId != null ? credentialsId : repository.getCredentialsId());
        Map<String, TargetSettings> settings = new HashMap<>();
        for (String environment : environments) {
            EnvironmentTarget target = repository.target(environment).orElse(new EnvironmentTarget(environment));
            String id = targetCredentialsId != null ? targetCredentialsId : target.getCredentialsId();
            settings.put(environment, credentials.target(id, target.getContext(), target.getDockerHost()));
        }
        Masking masker = new Masking(secrets);
        ProgressListener listener = masker.wrap(BuildLog.listener(log)::progress)::accept;
        TargetFactory targets = environment -> Targets.factory(
                settings.getOrDefault(environment.name(), TargetSettings.DEFAULTS)).open(environment);
        GitOps gitOps = GitOps.builder().repository(repository.getUrl()).credentials(git)
                .cacheDir(new File(Jenkins.get().getRootDir(), "caches/gitops").toPath())
                .targets(targets).listener(listener).holder(lookup.holder()).secrets(secrets).build();
        return new EngineSession(repository, gitOps, listener, masker);
    }

    /** Work done with an open session; engine errors become step failures with masked messages. */
    @FunctionalInterface
    interface Work<T> {
        T run(EngineSession session) throws AbortException;
    }

    /** Opens a session, runs {@code work}, closes it; any engine error fails {@code step} with its message. */
    static <T> T use(String step, String repositoryUrl, String credentialsId, String targetCredentialsId,
            List<String> environments, CredentialsLookup lookup, TaskListener log, Work<T> work) throws AbortException {
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
        gitOps.close();
    }
}
