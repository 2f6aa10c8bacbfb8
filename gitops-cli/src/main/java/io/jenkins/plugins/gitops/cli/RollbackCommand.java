package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.OperationResult;
import io.jenkins.plugins.gitops.engine.api.RollbackRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gitops rollback ENV}: back to a recorded deployment. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Go back to a recorded deployment: revert commit + sync (default), or a direct apply that pins the environment.")
final class RollbackCommand extends RepositoryCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "environment name from gitops.yaml")
    String environment;

    @Option(names = "--to", defaultValue = "previous", description = "record id, revision, or previous (default): the newest earlier successful deployment whose "
            + "release differs from what runs now")
    String to;

    @Option(names = "--mode", defaultValue = "revert", description = "revert (default) or direct")
    String mode;

    @Option(names = "--override-window", paramLabel = "REASON", description = "roll back although the environment's "
            + "deployment windows are closed, for this reason (recorded in the history; docs/windows.md)")
    String overrideWindow;

    @Override
    public Integer call() {
        RollbackRequest.Mode parsed = switch (mode.toLowerCase(java.util.Locale.ROOT)) {
            case "revert" -> RollbackRequest.Mode.REVERT;
            case "direct" -> RollbackRequest.Mode.DIRECT;
            default -> throw new io.jenkins.plugins.gitops.engine.InvalidInputException(
                    "--mode " + mode + ": use revert or direct");
        };
        try (GitOps gitOps = gitOps()) {
            OperationResult result = gitOps.rollback(RollbackRequest.of(environment).withTo(to).withMode(parsed)
                    .withTrigger("command", actor()).withOverrideWindow(overrideWindow));
            OperationPrinter.print(result, output, out());
            return result.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
