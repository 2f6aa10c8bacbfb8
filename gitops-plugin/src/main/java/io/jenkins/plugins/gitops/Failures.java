package io.jenkins.plugins.gitops;

import hudson.AbortException;
import io.jenkins.plugins.gitops.engine.GitOpsException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Engine errors as step failures: the engine's message (which names the file, object and fix) without
 * a stack trace. Messages never hold secrets; the session's masker covers remote messages that echo one.
 */
final class Failures {
    private Failures() {
    }

    /** The cause is not attached: a remote's message inside it could echo a secret that mask() removed here. */
    static AbortException abort(String step, GitOpsException e, UnaryOperator<String> mask) {
        return new AbortException(step + ": " + mask.apply(e.getMessage()));
    }

    /** Validated step arguments, or a step failure listing every problem (no stack trace for a typo). */
    static <T> T valid(String step, Supplier<T> validation) throws AbortException {
        try {
            return validation.get();
        } catch (GitOpsException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
