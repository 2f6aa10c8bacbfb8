package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gitops sync ENV}: make the environment match Git. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Make an environment match Git: render, validate, apply in order, prune, wait until healthy.")
final class SyncCommand extends EnvironmentCommand {
    @Option(names = "--dry-run", description = "plan and show what would change, write nothing")
    boolean dryRun;

    @Override
    public Integer call() {
        try (GitOps gitOps = gitOps()) {
            SyncResult result = gitOps.sync(request().withDryRun(dryRun));
            print(result, dryRun);
            return result.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
