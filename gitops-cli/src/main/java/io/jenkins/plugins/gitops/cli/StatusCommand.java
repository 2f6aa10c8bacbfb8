package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.EnvironmentStatus;
import io.jenkins.plugins.gitops.engine.window.WindowState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gitops status ENV}: last deployment, Git HEAD, health, pin, lock and deployment windows. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show where an environment stands.")
final class StatusCommand extends RepositoryCommand {
    @Parameters(index = "0", paramLabel = "ENV", description = "environment name from gitops.yaml")
    String environment;

    @Override
    public Integer call() {
        try (GitOps gitOps = gitOps()) {
            EnvironmentStatus status = gitOps.status(environment);
            WindowState window = gitOps.window(environment);
            if (output == OutputFormat.json) {
                out().println(ResultPrinter.anyJson(WindowText.withWindow(status, window)));
            } else {
                out().println("environment:   " + status.environment() + " (" + status.target() + ")");
                out().println("last synced:   " + status.lastSyncedRevision() + " at " + status.lastSyncAt() + " ("
                        + status.lastResult() + ", health " + status.health() + ")");
                out().println("git HEAD:      " + status.headRevision() + (status.behindGit() ? "  (not yet synced)" : ""));
                if (status.pinned()) {
                    out().println("pinned:        at " + status.pinnedRevision() + " by a rollback; no self-heal until Git catches up");
                }
                out().println("lock:          " + (status.leaseHolder() == null ? "free" : "held by " + status.leaseHolder()));
                WindowText.lines(window).forEach(out()::println);
            }
            out().flush();
            return ExitCodes.OK;
        }
    }
}
