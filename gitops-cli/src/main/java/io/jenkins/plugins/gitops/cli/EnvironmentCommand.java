package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.config.Durations;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What sync and diff share: the environment, repository, target and output options. */
abstract class EnvironmentCommand extends RepositoryCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "environment name from gitops.yaml")
    String environment;

    @Option(names = "--timeout", description = "health wait timeout such as 90s or 5m (default: the environment's)")
    String timeout;

    @Option(names = "--wait", negatable = true, defaultValue = "true", fallbackValue = "true", description = "wait until healthy (default: true)")
    boolean waitHealthy;

    @Option(names = "--prune", negatable = true, description = "delete managed objects Git no longer has (default: the environment's)")
    Boolean prune;

    @Option(names = "--allow-empty", description = "allow a sync that deletes every object of the environment because "
            + "Git renders none (default: the environment's allowEmpty)")
    boolean allowEmpty;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "variable for compose interpolation (repeatable)")
    Map<String, String> variables = new LinkedHashMap<>();

    SyncRequest request() {
        return SyncRequest.of(environment).withRevision(repositoryOptions().revision()).withWait(waitHealthy).withPrune(prune)
                .withTimeout(timeout == null ? null : Durations.parse(timeout)).withVariables(variables)
                .withTrigger("command", actor()).withAllowEmpty(allowEmpty);
    }

    void print(SyncResult result, boolean showDiffs) {
        ResultPrinter.print(result, output, showDiffs, out());
    }
}
