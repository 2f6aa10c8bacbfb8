package io.jenkins.plugins.gitops.engine;

/**
 * An operation started but did not succeed: an apply error from the target, an environment that
 * did not become healthy in time, a Git remote that refused a push. Exit code 1 in the command.
 */
public class OperationFailedException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    public OperationFailedException(String message) {
        super(message);
    }

    public OperationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
