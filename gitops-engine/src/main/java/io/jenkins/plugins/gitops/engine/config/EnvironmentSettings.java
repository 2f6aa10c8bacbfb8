package io.jenkins.plugins.gitops.engine.config;

import io.jenkins.plugins.gitops.engine.model.IgnoreRule;
import io.jenkins.plugins.gitops.engine.model.PolicyRule;
import io.jenkins.plugins.gitops.engine.model.SignatureRule;
import io.jenkins.plugins.gitops.engine.model.SyncPolicy;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one environment (or the {@code defaults:} section) sets, as written: null means "not set
 * here", so that {@link EnvironmentResolver} can fall back to the defaults and then to the built-in
 * values. Lines are kept for the checks that need more than one value.
 */
final class EnvironmentSettings {
    /** The line of the environment's name (or of {@code defaults:}). */
    int line;
    String path;
    int pathLine;
    TargetSpec target;
    int targetLine;
    SyncPolicy sync;
    Boolean prune;
    Boolean selfHeal;
    Duration driftInterval;
    String promotesFrom;
    int promotesFromLine;
    List<String> approvers;
    int approversLine;
    Integer retryLimit;
    Duration retryBackoff;
    Double retryFactor;
    Duration retryMaxDuration;
    /** The line of {@code retry:}, 0 when this section has none. */
    int retryLine;
    Duration healthTimeout;
    Boolean autoRollback;
    Boolean allowEmpty;
    Boolean takeOwnership;
    /** Whether CRDs from a Helm chart's crds/ folder may be pruned (Helm never deletes them). */
    Boolean pruneCrds;
    SignatureRule signatures;
    /** {@code kustomize.loadRestrictor}. */
    io.jenkins.plugins.gitops.engine.model.LoadRestrictor loadRestrictor;
    List<PolicyRule> policies;
    List<IgnoreRule> ignoreDifferences;
    Map<String, String> variables;
    /** {@code notifications:}; null when absent or invalid (reported). */
    io.jenkins.plugins.gitops.engine.model.NotificationRules notifications;
    /** {@code preview:}, environments only; null when absent or invalid (reported). */
    io.jenkins.plugins.gitops.engine.model.PreviewSpec preview;
}
