package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.model.Masking;

/**
 * Base of the engine's small unchecked exception hierarchy. Messages are written for the person
 * running the deployment: they name the file, the object and the fix, and never contain a secret:
 * the facade {@link #mask masks} every exception that leaves it.
 */
public class GitOpsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private String maskedMessage;
    private boolean causeHidden;

    public GitOpsException(String message) {
        super(message);
    }

    public GitOpsException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Replaces the known secret values in the message; a cause whose message (or whose causes'
     * messages) holds one is hidden, so no stack trace prints it. Returns this exception.
     */
    public GitOpsException mask(Masking masking) {
        String message = super.getMessage();
        String masked = masking.mask(message);
        if (masked != null && !masked.equals(message)) {
            maskedMessage = masked;
        }
        for (Throwable c = super.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            String text = String.valueOf(c.getMessage());
            if (!masking.mask(text).equals(text)) {
                causeHidden = true;
                break;
            }
        }
        maskDetails(masking);
        return this;
    }

    /** For subclasses that keep more text than the message. */
    protected void maskDetails(Masking masking) {
    }

    @Override
    public String getMessage() {
        return maskedMessage != null ? maskedMessage : super.getMessage();
    }

    @Override
    public synchronized Throwable getCause() {
        return causeHidden ? null : super.getCause();
    }
}
