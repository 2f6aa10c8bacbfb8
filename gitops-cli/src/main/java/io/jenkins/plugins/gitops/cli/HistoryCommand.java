package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gitops history ENV}: the deployment records kept in the target, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the deployments of an environment (kept in the target, newest first).")
final class HistoryCommand extends RepositoryCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "environment name from gitops.yaml")
    String environment;

    @Override
    public Integer call() {
        try (GitOps gitOps = gitOps()) {
            List<DeploymentRecord> records = gitOps.history(environment);
            if (output == OutputFormat.json) {
                out().println(ResultPrinter.anyJson(records));
            } else {
                HistoryTable.print(records, out());
            }
            out().flush();
            return ExitCodes.OK;
        }
    }
}
