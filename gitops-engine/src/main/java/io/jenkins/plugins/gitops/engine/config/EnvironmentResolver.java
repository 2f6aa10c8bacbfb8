package io.jenkins.plugins.gitops.engine.config;

import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.RetryPolicy;
import io.jenkins.plugins.gitops.engine.model.SignatureRule;
import io.jenkins.plugins.gitops.engine.model.SyncPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the precedence environment, then {@code defaults:}, then the built-in values. Lists
 * (approvers, policies, ignoreDifferences) are replaced as a whole; {@code retry}, {@code health}
 * and {@code variables} are merged key by key.
 */
final class EnvironmentResolver {
    static final SyncPolicy DEFAULT_SYNC = SyncPolicy.MANUAL;
    static final boolean DEFAULT_PRUNE = false;
    static final boolean DEFAULT_SELF_HEAL = false;
    static final boolean DEFAULT_AUTO_ROLLBACK = false;

    private EnvironmentResolver() {
    }

    /** The environment, or null if its path or target could not be read (already reported). */
    static Environment resolve(String name, EnvironmentSettings env, EnvironmentSettings defaults) {
        if (env.path == null || env.target == null) {
            return null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        if (defaults.variables != null) {
            variables.putAll(defaults.variables);
        }
        if (env.variables != null) {
            variables.putAll(env.variables);
        }
        return new Environment(name, env.path, env.target,
                pick(env.sync, defaults.sync, DEFAULT_SYNC),
                pick(env.prune, defaults.prune, DEFAULT_PRUNE),
                pick(env.selfHeal, defaults.selfHeal, DEFAULT_SELF_HEAL),
                pick(env.driftInterval, defaults.driftInterval, Environment.DEFAULT_DRIFT_INTERVAL),
                env.promotesFrom,
                pick(env.approvers, defaults.approvers, List.of()),
                retry(env, defaults),
                pick(env.policies, defaults.policies, List.of()),
                pick(env.ignoreDifferences, defaults.ignoreDifferences, List.of()),
                pick(env.healthTimeout, defaults.healthTimeout, Environment.DEFAULT_HEALTH_TIMEOUT),
                pick(env.autoRollback, defaults.autoRollback, DEFAULT_AUTO_ROLLBACK),
                variables,
                pick(env.pruneCrds, defaults.pruneCrds, false),
                pick(env.signatures, defaults.signatures, SignatureRule.OFF),
                pick(env.allowEmpty, defaults.allowEmpty, false),
                pick(env.takeOwnership, defaults.takeOwnership, false),
                pick(env.loadRestrictor, defaults.loadRestrictor, io.jenkins.plugins.gitops.engine.model.LoadRestrictor.ROOT_ONLY),
                null);
    }

    static RetryPolicy retry(EnvironmentSettings env, EnvironmentSettings defaults) {
        RetryPolicy builtIn = RetryPolicy.DEFAULT;
        return new RetryPolicy(
                pick(env.retryLimit, defaults.retryLimit, builtIn.limit()),
                pick(env.retryBackoff, defaults.retryBackoff, builtIn.backoff()),
                pick(env.retryFactor, defaults.retryFactor, builtIn.factor()),
                pick(env.retryMaxDuration, defaults.retryMaxDuration, builtIn.maxDuration()));
    }

    /**
     * Reports a retry policy whose delay cap is below its first delay, at the {@code retry:} of
     * {@code own} (so a bad {@code defaults.retry} is reported once, not per environment).
     */
    static void checkRetry(EnvironmentSettings own, EnvironmentSettings defaults, String path, Problems problems) {
        if (own.retryLine == 0) {
            return;
        }
        RetryPolicy retry = retry(own, defaults);
        if (retry.maxDuration().compareTo(retry.backoff()) < 0) {
            problems.error(own.retryLine, path, "maxDuration " + Durations.format(retry.maxDuration())
                    + " is shorter than backoff " + Durations.format(retry.backoff())
                    + "; maxDuration caps the delay between attempts, so make it at least the backoff");
        }
    }

    private static <T> T pick(T own, T fromDefaults, T builtIn) {
        return own != null ? own : fromDefaults != null ? fromDefaults : builtIn;
    }
}
