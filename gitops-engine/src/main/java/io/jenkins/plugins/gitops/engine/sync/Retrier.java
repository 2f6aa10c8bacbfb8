package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.ProgressListener;
import io.jenkins.plugins.gitops.engine.cluster.TargetException;
import io.jenkins.plugins.gitops.engine.model.RetryPolicy;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs one target call, retrying retryable failures (409/429/5xx/timeouts) with exponential backoff
 * until the policy's attempt limit or total duration is used up.
 */
final class Retrier {
    /** Sleeps; replaced in tests so backoff does not cost wall time. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final ProgressListener listener;

    Retrier(RetryPolicy policy, Sleeper sleeper, ProgressListener listener) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.listener = listener;
    }

    record Attempted<T>(T value, int attempts) {
    }

    <T> Attempted<T> call(String what, Supplier<T> call) {
        long spentMillis = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                return new Attempted<>(call.get(), attempt);
            } catch (TargetException e) {
                Duration delay = policy.delayBefore(attempt);
                boolean giveUp = !e.retryable() || attempt > policy.limit()
                        || spentMillis + delay.toMillis() > policy.maxDuration().toMillis();
                if (giveUp) {
                    throw attempt > 1 ? new TargetException(e.getMessage() + " (after " + attempt + " attempts)",
                            false, e) : e;
                }
                listener.progress("  " + what + ": " + e.getMessage() + "; retry " + attempt + "/" + policy.limit()
                        + " in " + delay.toMillis() + " ms");
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                spentMillis += delay.toMillis();
            }
        }
    }
}
