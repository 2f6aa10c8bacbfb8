/**
 * Built-in policies checked on a desired state before anything is written: run-as-non-root,
 * resource-limits, no-privileged, no-latest-tag and required-labels. Each is one small
 * {@link io.jenkins.plugins.gitops.engine.policy.Policy}; {@link io.jenkins.plugins.gitops.engine.policy.PolicyChecker}
 * runs the ones an environment switches on and returns a {@link io.jenkins.plugins.gitops.engine.policy.PolicyReport}
 * whose enforced violations block the sync or promotion and whose others are warnings.
 *
 * <p>Policies read Kubernetes pod templates (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
 * CronJob, Pod) and Swarm services (group {@code swarm}, kind {@code Service}, Docker Engine API
 * {@code ServiceSpec}), both through {@link io.jenkins.plugins.gitops.engine.policy.Workloads}. On Swarm,
 * messages use the compose keys a user edits ({@code user:}, {@code deploy.resources.limits}).
 */
package io.jenkins.plugins.gitops.engine.policy;
