package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.OperationResult;
import io.jenkins.plugins.gitops.engine.api.PromoteRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gitops promote FROM TO}: copy a release to the next environment through Git. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Write the release (image references) of FROM into TO's folder, commit, push, and optionally sync.")
final class PromoteCommand extends RepositoryCommand {
    @Parameters(index = "0", paramLabel = "FROM")
    String from;

    @Parameters(index = "1", paramLabel = "TO")
    String to;

    @Option(names = "--sync", description = "sync TO after the push")
    boolean sync;

    @Option(names = "--approved-by", description = "the approver (required for environments with sync: approval)")
    String approvedBy;

    @Option(names = "--force", description = "promote even if TO does not list FROM in promotesFrom")
    boolean force;

    @Option(names = "--override-window", paramLabel = "REASON", description = "promote although TO's deployment "
            + "windows are closed, for this reason (recorded in the history; docs/windows.md)")
    String overrideWindow;

    @Override
    public Integer call() {
        try (GitOps gitOps = gitOps()) {
            OperationResult result = gitOps.promote(PromoteRequest.of(from, to).withSync(sync).withApprovedBy(approvedBy)
                    .withForce(force).withTrigger("command", actor()).withOverrideWindow(overrideWindow));
            OperationPrinter.print(result, output, out());
            return result.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
