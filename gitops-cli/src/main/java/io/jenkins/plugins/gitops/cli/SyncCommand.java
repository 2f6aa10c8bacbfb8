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

    @Option(names = "--override-window", paramLabel = "REASON", description = "sync although the environment's "
            + "deployment windows are closed, for this reason (recorded in the history; docs/windows.md)")
    String overrideWindow;

    @Override
    public Integer call() {
        try (GitOps gitOps = gitOps()) {
            SyncResult result = gitOps.sync(request().withDryRun(dryRun).withOverrideWindow(overrideWindow));
            print(result, dryRun);
            return result.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
