package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import picocli.CommandLine.Command;

/** {@code gitops diff ENV}: what a sync would change; exit 3 when anything differs. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Show what differs between Git and the environment (exit 3 when something does).")
final class DiffCommand extends EnvironmentCommand {
    @Override
    public Integer call() {
        try (GitOps gitOps = gitOps()) {
            SyncResult result = gitOps.diff(request());
            print(result, true);
            return result.inSync() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
        }
    }
}
