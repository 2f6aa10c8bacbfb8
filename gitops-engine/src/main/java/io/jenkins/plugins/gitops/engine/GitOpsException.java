package io.jenkins.plugins.gitops.engine;

/**
 * Base of the engine's small unchecked exception hierarchy. Messages are written for the person
 * running the deployment: they name the file, the object and the fix, and never contain a secret.
 */
public class GitOpsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GitOpsException(String message) {
        super(message);
    }

    public GitOpsException(String message, Throwable cause) {
        super(message, cause);
    }
}
