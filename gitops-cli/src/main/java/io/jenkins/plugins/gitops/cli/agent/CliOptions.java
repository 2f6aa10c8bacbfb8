package io.jenkins.plugins.gitops.cli.agent;

import io.jenkins.plugins.gitops.cli.RepositoryOptions;
import io.jenkins.plugins.gitops.cli.SignatureOptions;
import io.jenkins.plugins.gitops.cli.TargetOptions;
import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.ProgressListener;
import io.jenkins.plugins.gitops.engine.metrics.GitOpsMetrics;
import io.jenkins.plugins.gitops.engine.notify.Notifier;
import io.jenkins.plugins.gitops.engine.cluster.Targets;
import java.util.Map;

/**
 * Builds the facade from the shared {@code --repo}/{@code --kubeconfig}/{@code --trusted-keys}/... options,
 * exactly as sync and diff do.
 */
final class CliOptions {
    private CliOptions() {
    }

    /**
     * @param holder     who takes the environment leases, as shown to whoever is refused one
     * @param signatures the keys environments with {@code verify.signatures} trust (never from the repository)
     */
    static GitOps gitOps(RepositoryOptions repository, TargetOptions target, SignatureOptions signatures,
            Map<String, String> env, ProgressListener listener, String holder, GitOpsMetrics metrics, Notifier notifier,
            String link) {
        if (repository.revision() != null) {
            throw new InvalidInputException("--revision: the agent follows each environment's branch in the repository; "
                    + "remove --revision");
        }
        return GitOps.builder().repository(repository.location(env)).credentials(repository.credentials(env))
                .cacheDir(repository.cacheDir(env)).targets(Targets.shared(target.settings(env)))
                .trustedKeys(signatures.trustedKeys(env)).signingKey(signatures.signingKey(env))
                .listener(listener).holder(holder).metrics(metrics).notifier(notifier).link(link).build();
    }
}
