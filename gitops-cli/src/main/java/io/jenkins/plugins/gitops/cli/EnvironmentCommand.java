package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.Targets;
import io.jenkins.plugins.gitops.engine.config.Durations;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What sync and diff share: the environment, repository, target and output options. */
abstract class EnvironmentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENV", description = "environment name from gitops.yaml")
    String environment;

    @Mixin
    RepositoryOptions repository;

    @Mixin
    TargetOptions target;

    @Option(names = "--output", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat output;

    @Option(names = "--timeout", description = "health wait timeout such as 90s or 5m (default: the environment's)")
    String timeout;

    @Option(names = "--wait", negatable = true, defaultValue = "true", description = "wait until healthy (default: true)")
    boolean waitHealthy;

    @Option(names = "--prune", negatable = true, description = "delete managed objects Git no longer has (default: the environment's)")
    Boolean prune;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "variable for compose interpolation (repeatable)")
    Map<String, String> variables = new LinkedHashMap<>();

    /** Environment variables; a field so tests can replace them. */
    Map<String, String> env = System.getenv();

    SyncRequest request() {
        return SyncRequest.of(environment).withRevision(repository.revision).withWait(waitHealthy).withPrune(prune)
                .withTimeout(timeout == null ? null : Durations.parse(timeout)).withVariables(variables)
                .withTrigger("command", System.getProperty("user.name"));
    }

    GitOps gitOps() {
        PrintWriter err = spec.commandLine().getErr();
        return GitOps.builder().repository(repository.location(env)).credentials(repository.credentials(env))
                .cacheDir(repository.cacheDir(env)).targets(Targets.factory(target.settings(env)))
                .listener(message -> {
                    err.println(message);
                    err.flush();
                }).build();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    void print(SyncResult result, boolean showDiffs) {
        ResultPrinter.print(result, output, showDiffs, out());
    }
}
