/**
 * Prometheus metrics of deployments, rollbacks, drift and sync status, kept in one Micrometer
 * registry by {@link io.jenkins.plugins.gitops.engine.metrics.GitOpsMetrics} and served as Prometheus text
 * (the agent's {@code /metrics}).
 *
 * <p>Label values are bounded so that a time series cannot be created per revision, per error message
 * or, worse, per secret: environments and components must be short slugs, statuses and triggers come
 * from closed sets, and anything else, or any value beyond a per-label budget, is recorded as
 * {@code other} (see {@link io.jenkins.plugins.gitops.engine.metrics.LabelValues}).
 */
package io.jenkins.plugins.gitops.engine.metrics;
