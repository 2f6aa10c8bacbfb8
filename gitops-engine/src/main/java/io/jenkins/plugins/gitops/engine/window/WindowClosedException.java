package io.jenkins.plugins.gitops.engine.window;

import io.jenkins.plugins.gitops.engine.InvalidInputException;

/**
 * A manual sync, promotion or rollback refused because the environment's deployment windows are closed and no
 * override reason was given (docs/windows.md). Refused before anything is rendered or written, like a policy
 * refusal: the command exits with 2, a Jenkins step fails with the message.
 */
public class WindowClosedException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public WindowClosedException(String message) {
        super(message);
    }
}
