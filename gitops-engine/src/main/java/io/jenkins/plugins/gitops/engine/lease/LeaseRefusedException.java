package io.jenkins.plugins.gitops.engine.lease;

import io.jenkins.plugins.gitops.engine.OperationFailedException;
import java.time.Instant;
import java.util.Optional;

/** Another operation holds the environment; the message says who and since when. */
public class LeaseRefusedException extends OperationFailedException {
    private static final long serialVersionUID = 1L;
    private final transient LeaseState holder;

    public LeaseRefusedException(String message, LeaseState holder) {
        super(message);
        this.holder = holder;
    }

    /** The refusal for an environment whose lock is (or, when empty, just was) held by someone else. */
    public static LeaseRefusedException of(String environment, Optional<LeaseState> state, Instant now) {
        return state.map(s -> new LeaseRefusedException(s.describe(now), s))
                .orElseGet(() -> new LeaseRefusedException("environment '" + environment + "' was locked by another "
                        + "operation that has just finished; try again", null));
    }

    /** The lock that was in the way, or null when it was released in the meantime. */
    public LeaseState holder() {
        return holder;
    }
}
