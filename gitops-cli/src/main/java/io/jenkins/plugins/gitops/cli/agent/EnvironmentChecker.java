package io.jenkins.plugins.gitops.cli.agent;

import io.jenkins.plugins.gitops.engine.api.DriftReport;
import java.time.Duration;
import java.util.List;

/**
 * What the agent's scheduler needs from the engine: which environments to watch, how often, and one
 * drift check (with self-heal or automatic sync where the environment's policy says so).
 */
public interface EnvironmentChecker {
    /** The environments to check, in gitops.yaml order. */
    List<String> environments();

    /** Time between the end of one check of the environment and the start of the next. */
    Duration interval(String environment);

    /** Checks one environment; throws when the check itself fails (target unreachable, Git error). */
    DriftReport check(String environment);
}
