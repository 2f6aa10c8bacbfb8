package io.jenkins.plugins.gitops.engine.cluster;

import io.jenkins.plugins.gitops.engine.OperationFailedException;

/**
 * A target API call failed. {@link #retryable()} is true for conflicts (409), throttling (429),
 * server errors (5xx) and timeouts, which the sync executor retries with backoff.
 */
public class TargetException extends OperationFailedException {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    public TargetException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The usual rule for HTTP status codes (0 = no answer: connection reset or timeout). */
    public static boolean retryableStatus(int httpStatus) {
        return httpStatus == 0 || httpStatus == 409 || httpStatus == 429 || httpStatus >= 500;
    }
}
