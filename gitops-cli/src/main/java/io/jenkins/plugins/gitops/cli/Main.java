package io.jenkins.plugins.gitops.cli;

import picocli.CommandLine;

/** Entry point of {@code java -jar gitops.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        Logging.configure(Logging.verbose(java.util.List.of(args)));
        return GitOpsCommand.commandLine().execute(args);
    }
}
