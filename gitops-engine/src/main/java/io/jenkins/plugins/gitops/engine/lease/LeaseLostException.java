package io.jenkins.plugins.gitops.engine.lease;

import io.jenkins.plugins.gitops.engine.OperationFailedException;

/** A held lock expired and was taken over: the operation must stop writing. */
public class LeaseLostException extends OperationFailedException {
    private static final long serialVersionUID = 1L;

    public LeaseLostException(String message) {
        super(message);
    }
}
