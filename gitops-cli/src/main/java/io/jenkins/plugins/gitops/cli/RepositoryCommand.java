package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.cluster.Targets;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every command working on a GitOps repository shares: repository, target and output options. */
abstract class RepositoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @Mixin
    TargetOptions target;

    @Mixin
    SignatureOptions signatures;

    @Mixin
    NotificationOptions notifications;

    @Option(names = "--output", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat output;

    @ParentCommand
    GitOpsCommand parent;

    /** Environment variables; a field so tests can replace them. */
    Map<String, String> env = System.getenv();

    /** Repository options from after and (for what is not given there) before the subcommand. */
    RepositoryOptions repositoryOptions() {
        return repository.orElse(parent == null ? null : parent.repository());
    }

    TargetOptions targetOptions() {
        return target.orElse(parent == null ? null : parent.target());
    }

    GitOps gitOps() {
        PrintWriter err = spec.commandLine().getErr();
        RepositoryOptions repository = repositoryOptions();
        TargetOptions target = targetOptions();
        return GitOps.builder().repository(repository.location(env)).credentials(repository.credentials(env))
                .cacheDir(repository.cacheDir(env)).targets(Targets.shared(target.settings(env)))
                .trustedKeys(signatures.trustedKeys(env)).signingKey(signatures.signingKey(env))
                .holder("gitops-cli@" + java.lang.management.ManagementFactory.getRuntimeMXBean().getName())
                .notifier(notifications.notifier(env, message -> {
                    err.println(message);
                    err.flush();
                })).link(notifications.link(env, null))
                .listener(message -> {
                    err.println(message);
                    err.flush();
                }).build();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    static String actor() {
        return System.getProperty("user.name");
    }
}
