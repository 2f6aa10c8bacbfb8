package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@code gitopsSync} and {@code gitopsDiff}, as the step received them.
 *
 * @param environment         environment of gitops.yaml (required)
 * @param repository          GitOps repository URL or folder; null for the first configured one
 * @param revision            branch, tag or commit; null for the default branch
 * @param credentialsId       Jenkins credentials for the Git repository; null for the configured ones
 * @param targetCredentialsId Jenkins credentials for the cluster or daemon; null for the configured ones
 * @param prune               overrides the environment's prune setting when not null
 * @param dryRun              plan only, write nothing
 * @param waitHealthy         wait until every object is healthy (or the timeout passes)
 * @param timeout             health wait limit as text ({@code 5m}); null for the environment's
 * @param allowEmpty          the sync may delete every object of the environment when Git renders none
 * @param overrideWindow      why the sync runs although the environment's deployment windows are closed
 *                            (docs/windows.md); null: a closed window refuses it
 */
public record SyncArguments(String environment, String repository, String revision, String credentialsId,
        String targetCredentialsId, Boolean prune, boolean dryRun, boolean waitHealthy, String timeout,
        boolean allowEmpty, String overrideWindow) {

    /** Arguments without a window override. */
    public SyncArguments(String environment, String repository, String revision, String credentialsId,
            String targetCredentialsId, Boolean prune, boolean dryRun, boolean waitHealthy, String timeout,
            boolean allowEmpty) {
        this(environment, repository, revision, credentialsId, targetCredentialsId, prune, dryRun, waitHealthy, timeout,
                allowEmpty, null);
    }

    /** Arguments without {@code allowEmpty}. */
    public SyncArguments(String environment, String repository, String revision, String credentialsId,
            String targetCredentialsId, Boolean prune, boolean dryRun, boolean waitHealthy, String timeout) {
        this(environment, repository, revision, credentialsId, targetCredentialsId, prune, dryRun, waitHealthy, timeout,
                false);
    }

    /** Just the environment, everything else from configuration. */
    public static SyncArguments of(String environment) {
        return new SyncArguments(environment, null, null, null, null, null, false, true, null);
    }

    /** Checks every argument and reports all problems at once; returns this for chaining. */
    public SyncArguments validate(String step) {
        List<String> problems = new ArrayList<>();
        Names.checkEnvironment(step, "environment", environment, problems);
        if (revision != null && (revision.isBlank() || revision.contains(" ") || revision.startsWith("-"))) {
            problems.add(step + ": revision '" + revision + "' is not a branch, tag or commit id");
        }
        try {
            Durations.parse(step + ": timeout", timeout);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return this;
    }

    /** The engine request: triggered by a pipeline, on behalf of {@code actor}. */
    public SyncRequest toRequest(String actor) {
        Duration limit = Durations.parse("timeout", timeout);
        return new SyncRequest(environment, blankToNull(revision), dryRun, waitHealthy && !dryRun, prune, limit,
                Map.of(), "pipeline", actor, allowEmpty, overrideWindow);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
