package io.jenkins.plugins.gitops.engine.sync;

import java.time.Duration;

/**
 * How to run a plan.
 *
 * @param dryRun       plan and report only, write nothing
 * @param waitHealthy  wait until the applied objects are healthy (between waves too)
 * @param timeout      how long the health wait may take in total
 * @param pollInterval how often health is re-read while waiting
 */
public record SyncOptions(boolean dryRun, boolean waitHealthy, Duration timeout, Duration pollInterval) {
    public static SyncOptions defaults(Duration timeout) {
        return new SyncOptions(false, true, timeout, Duration.ofSeconds(1));
    }

    public SyncOptions withDryRun(boolean value) {
        return new SyncOptions(value, waitHealthy, timeout, pollInterval);
    }

    public SyncOptions withWait(boolean value) {
        return new SyncOptions(dryRun, value, timeout, pollInterval);
    }

    public SyncOptions withPollInterval(Duration value) {
        return new SyncOptions(dryRun, waitHealthy, timeout, value);
    }
}
