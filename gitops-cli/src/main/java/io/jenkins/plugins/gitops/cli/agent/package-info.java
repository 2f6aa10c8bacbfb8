/**
 * {@code gitops agent}: drift detection and self-heal for every environment, on its
 * {@code driftInterval}, outside Jenkins.
 *
 * <p>{@link io.jenkins.plugins.gitops.cli.agent.DriftScheduler} runs the checks (one at a time per
 * environment; a failure never stops the others) against an
 * {@link io.jenkins.plugins.gitops.cli.agent.EnvironmentChecker}, which in production is
 * {@link io.jenkins.plugins.gitops.cli.agent.GitOpsChecker} (the facade's {@code drift}).
 * {@link io.jenkins.plugins.gitops.cli.agent.AgentHttpServer} serves {@code /health}, {@code /ready} and
 * {@code /metrics}; {@link io.jenkins.plugins.gitops.cli.agent.Agent} ties both together and stops them on
 * SIGTERM. See docs/agent.md.
 */
package io.jenkins.plugins.gitops.cli.agent;
