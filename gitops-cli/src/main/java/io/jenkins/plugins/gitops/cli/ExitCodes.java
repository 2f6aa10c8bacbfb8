package io.jenkins.plugins.gitops.cli;

/** The command's exit codes, documented in the README and in {@code gitops --help}. */
public final class ExitCodes {
    private ExitCodes() {
    }

    /** Success; for diff and drift: in sync. */
    public static final int OK = 0;
    /** The operation failed: apply error, unhealthy after the timeout, push refused. */
    public static final int FAILED = 1;
    /** Bad input or usage: nothing was written. */
    public static final int BAD_INPUT = 2;
    /** diff / drift: differences found. */
    public static final int DIFFERENCES = 3;
}
