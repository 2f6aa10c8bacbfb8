package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import io.jenkins.plugins.gitops.cli.agent.AgentCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code gitops} command; the subcommands do the work. */
@Command(name = "gitops", mixinStandardHelpOptions = true, version = "gitops 0.1.0",
        description = "Git is the single source of truth for what runs in every environment: sync, diff and more, "
                + "for Kubernetes and Docker Swarm.",
        subcommands = {SyncCommand.class, DiffCommand.class, RenderCommand.class, StatusCommand.class, HistoryCommand.class,
                MetricsCommand.class, DriftCommand.class, PromoteCommand.class, RollbackCommand.class, PreviewCommand.class,
                AgentCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success / in sync", "1:operation failed (apply error, unhealthy after timeout)",
                "2:bad input or usage (nothing was written)", "3:differences found (diff, drift)"})
public final class GitOpsCommand {
    /** Repository options given before the subcommand ({@code gitops --repo URL sync ENV}). */
    @Mixin
    RepositoryOptions repository;

    /** Target options given before the subcommand. */
    @Mixin
    TargetOptions target;

    /** Read by {@link Logging} from the raw arguments before parsing; declared here so it is accepted and documented. */
    @Option(names = Logging.VERBOSE_OPTION, scope = ScopeType.INHERIT,
            description = "also show the log of third-party libraries (fabric8, JGit, docker-java, ...); by default only"
                    + " the command's own lines are printed")
    boolean verbose;

    public RepositoryOptions repository() {
        return repository;
    }

    public TargetOptions target() {
        return target;
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GitOpsCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            if (e instanceof InvalidInputException) {
                return ExitCodes.BAD_INPUT;
            }
            if (!(e instanceof OperationFailedException)) {
                e.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.FAILED;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCodes.BAD_INPUT;
        });
        return cli;
    }
}
