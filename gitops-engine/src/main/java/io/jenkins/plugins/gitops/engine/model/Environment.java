package io.jenkins.plugins.gitops.engine.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One environment of gitops.yaml, validated. See docs/gitops-yaml.md for every key.
 *
 * @param allowEmpty    a sync may delete every live object when Git renders none (Argo CD's
 *                      {@code syncPolicy.automated.allowEmpty}); otherwise such a sync is refused
 * @param takeOwnership objects that exist and are owned by another repository or environment are
 *                      taken over instead of refused (Helm's {@code --take-ownership})
 * @param tracking      the owner written on every object; the facade sets the repository
 *                      ({@link #withTracking}); by default the repository is unknown ({@code ""})
 */
public record Environment(
        String name,
        String path,
        TargetSpec target,
        SyncPolicy sync,
        boolean prune,
        boolean selfHeal,
        Duration driftInterval,
        String promotesFrom,
        List<String> approvers,
        RetryPolicy retry,
        List<PolicyRule> policies,
        List<IgnoreRule> ignoreDifferences,
        Duration healthTimeout,
        boolean autoRollback,
        Map<String, String> variables,
        boolean allowEmpty,
        boolean takeOwnership,
        TrackingId tracking) {

    public static final Duration DEFAULT_DRIFT_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofMinutes(5);

    public Environment {
        approvers = List.copyOf(approvers);
        policies = List.copyOf(policies);
        ignoreDifferences = List.copyOf(ignoreDifferences);
        variables = Map.copyOf(variables);
        tracking = tracking != null ? tracking : new TrackingId("", name);
    }

    /** An environment without the safety switches and with the repository unknown. */
    public Environment(String name, String path, TargetSpec target, SyncPolicy sync, boolean prune, boolean selfHeal,
            Duration driftInterval, String promotesFrom, List<String> approvers, RetryPolicy retry,
            List<PolicyRule> policies, List<IgnoreRule> ignoreDifferences, Duration healthTimeout, boolean autoRollback,
            Map<String, String> variables) {
        this(name, path, target, sync, prune, selfHeal, driftInterval, promotesFrom, approvers, retry, policies,
                ignoreDifferences, healthTimeout, autoRollback, variables, false, false, null);
    }

    /** An environment with defaults for everything but name, path and target (tests, demo). */
    public static Environment of(String name, String path, TargetSpec target) {
        return new Environment(name, path, target, SyncPolicy.MANUAL, true, false, DEFAULT_DRIFT_INTERVAL, null,
                List.of(), RetryPolicy.DEFAULT, List.of(), List.of(), DEFAULT_HEALTH_TIMEOUT, false, Map.of());
    }

    public Environment withPrune(boolean newPrune) {
        return new Environment(name, path, target, sync, newPrune, selfHeal, driftInterval, promotesFrom, approvers,
                retry, policies, ignoreDifferences, healthTimeout, autoRollback, variables, allowEmpty, takeOwnership,
                tracking);
    }

    public Environment withAllowEmpty(boolean value) {
        return new Environment(name, path, target, sync, prune, selfHeal, driftInterval, promotesFrom, approvers,
                retry, policies, ignoreDifferences, healthTimeout, autoRollback, variables, value, takeOwnership,
                tracking);
    }

    public Environment withTakeOwnership(boolean value) {
        return new Environment(name, path, target, sync, prune, selfHeal, driftInterval, promotesFrom, approvers,
                retry, policies, ignoreDifferences, healthTimeout, autoRollback, variables, allowEmpty, value, tracking);
    }

    /** The environment as deployed from the repository with this stable id ({@link TrackingId#repositoryId}). */
    public Environment withRepository(String repositoryId) {
        return new Environment(name, path, target, sync, prune, selfHeal, driftInterval, promotesFrom, approvers,
                retry, policies, ignoreDifferences, healthTimeout, autoRollback, variables, allowEmpty, takeOwnership,
                new TrackingId(repositoryId, name));
    }
}
