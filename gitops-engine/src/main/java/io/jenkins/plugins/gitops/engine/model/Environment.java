package io.jenkins.plugins.gitops.engine.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One environment of gitops.yaml, validated. See docs/gitops-yaml.md for every key.
 *
 * @param signatures {@code verify.signatures}: whether the commit deployed must carry a trusted signature
 *                   (docs/signed-commits.md); {@link SignatureRule#OFF} when not set
 * @param allowEmpty    a sync may delete every live object when Git renders none (Argo CD's
 *                      {@code syncPolicy.automated.allowEmpty}); otherwise such a sync is refused
 * @param takeOwnership objects that exist and are owned by another repository or environment are
 *                      taken over instead of refused (Helm's {@code --take-ownership})
 * @param loadRestrictor {@code kustomize.loadRestrictor}: where a kustomization's files may be
 *                      ({@link LoadRestrictor#ROOT_ONLY}, kustomize's default, when not set)
 * @param tracking      the owner written on every object; the facade sets the repository
 *                      ({@link #withRepository}); by default the repository is unknown ({@code ""})
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
        boolean pruneCrds,
        SignatureRule signatures,
        boolean allowEmpty,
        boolean takeOwnership,
        LoadRestrictor loadRestrictor,
        TrackingId tracking) {

    public static final Duration DEFAULT_DRIFT_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofMinutes(5);

    public Environment {
        approvers = List.copyOf(approvers);
        policies = List.copyOf(policies);
        ignoreDifferences = List.copyOf(ignoreDifferences);
        variables = Map.copyOf(variables);
        signatures = signatures == null ? SignatureRule.OFF : signatures;
        loadRestrictor = loadRestrictor == null ? LoadRestrictor.ROOT_ONLY : loadRestrictor;
        tracking = tracking != null ? tracking : new TrackingId("", name);
    }

    /** An environment without the ownership and emptiness switches, its repository unknown. */
    public Environment(String name, String path, TargetSpec target, SyncPolicy sync, boolean prune, boolean selfHeal,
            Duration driftInterval, String promotesFrom, List<String> approvers, RetryPolicy retry,
            List<PolicyRule> policies, List<IgnoreRule> ignoreDifferences, Duration healthTimeout, boolean autoRollback,
            Map<String, String> variables, boolean pruneCrds, SignatureRule signatures) {
        this(name, path, target, sync, prune, selfHeal, driftInterval, promotesFrom, approvers, retry, policies,
                ignoreDifferences, healthTimeout, autoRollback, variables, pruneCrds, signatures, false, false, null, null);
    }

    /** An environment that does not check signatures. */
    public Environment(String name, String path, TargetSpec target, SyncPolicy sync, boolean prune, boolean selfHeal,
            Duration driftInterval, String promotesFrom, List<String> approvers, RetryPolicy retry,
            List<PolicyRule> policies, List<IgnoreRule> ignoreDifferences, Duration healthTimeout, boolean autoRollback,
            Map<String, String> variables, boolean pruneCrds) {
        this(name, path, target, sync, prune, selfHeal, driftInterval, promotesFrom, approvers, retry, policies,
                ignoreDifferences, healthTimeout, autoRollback, variables, pruneCrds, SignatureRule.OFF);
    }

    /** An environment whose Helm chart CRDs are never pruned (the default, as Helm does) and that does not check signatures. */
    public Environment(String name, String path, TargetSpec target, SyncPolicy sync, boolean prune, boolean selfHeal,
            Duration driftInterval, String promotesFrom, List<String> approvers, RetryPolicy retry,
            List<PolicyRule> policies, List<IgnoreRule> ignoreDifferences, Duration healthTimeout, boolean autoRollback,
            Map<String, String> variables) {
        this(name, path, target, sync, prune, selfHeal, driftInterval, promotesFrom, approvers, retry, policies,
                ignoreDifferences, healthTimeout, autoRollback, variables, false, SignatureRule.OFF);
    }

    /** An environment with defaults for everything but name, path and target (tests, demo). */
    public static Environment of(String name, String path, TargetSpec target) {
        return new Environment(name, path, target, SyncPolicy.MANUAL, true, false, DEFAULT_DRIFT_INTERVAL, null,
                List.of(), RetryPolicy.DEFAULT, List.of(), List.of(), DEFAULT_HEALTH_TIMEOUT, false, Map.of());
    }

    /**
     * Whether {@code user} may approve a promotion into this environment: {@link #approvers} empty
     * (no restriction), or naming the user id or one of {@code groups} (the groups the approver belongs
     * to, as the caller's user directory knows them: in Jenkins, the security realm's authorities).
     * Names are compared as given (case-sensitive), like gitops.yaml's other names.
     */
    public boolean isApprover(String user, java.util.Collection<String> groups) {
        if (approvers.isEmpty()) {
            return true;
        }
        return user != null && approvers.contains(user) || groups != null && groups.stream().anyMatch(approvers::contains);
    }

    public Environment withPrune(boolean newPrune) {
        return new Environment(name, path, target, sync, newPrune, selfHeal, driftInterval, promotesFrom, approvers,
                retry, policies, ignoreDifferences, healthTimeout, autoRollback, variables, pruneCrds, signatures,
                allowEmpty, takeOwnership, loadRestrictor, tracking);
    }

    public Environment withPruneCrds(boolean value) {
        return new Environment(name, path, target, sync, prune, selfHeal, driftInterval, promotesFrom, approvers,
                retry, policies, ignoreDifferences, healthTimeout, autoRollback, variables, value, signatures,
                allowEmpty, takeOwnership, loadRestrictor, tracking);
    }

    public Environment withSignatures(SignatureRule value) {
        return new Environment(name, path, target, sync, prune, selfHeal, driftInterval, promotesFrom, approvers,
                retry, policies, ignoreDifferences, healthTimeout, autoRollback, variables, pruneCrds, value,
                allowEmpty, takeOwnership, loadRestrictor, tracking);
    }

    public Environment withAllowEmpty(boolean value) {
        return new Environment(name, path, target, sync, prune, selfHeal, driftInterval, promotesFrom, approvers,
                retry, policies, ignoreDifferences, healthTimeout, autoRollback, variables, pruneCrds, signatures, value,
                takeOwnership, loadRestrictor, tracking);
    }

    public Environment withTakeOwnership(boolean value) {
        return new Environment(name, path, target, sync, prune, selfHeal, driftInterval, promotesFrom, approvers,
                retry, policies, ignoreDifferences, healthTimeout, autoRollback, variables, pruneCrds, signatures,
                allowEmpty, value, loadRestrictor, tracking);
    }

    public Environment withLoadRestrictor(LoadRestrictor value) {
        return new Environment(name, path, target, sync, prune, selfHeal, driftInterval, promotesFrom, approvers,
                retry, policies, ignoreDifferences, healthTimeout, autoRollback, variables, pruneCrds, signatures,
                allowEmpty, takeOwnership, value, tracking);
    }

    /** The environment as deployed from the repository with this stable id ({@link TrackingId#repositoryId}). */
    public Environment withRepository(String repositoryId) {
        return new Environment(name, path, target, sync, prune, selfHeal, driftInterval, promotesFrom, approvers,
                retry, policies, ignoreDifferences, healthTimeout, autoRollback, variables, pruneCrds, signatures,
                allowEmpty, takeOwnership, loadRestrictor, new TrackingId(repositoryId, name));
    }
}
