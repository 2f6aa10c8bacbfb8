/**
 * Deployment history: one {@link io.jenkins.plugins.gitops.engine.history.DeploymentRecord} per sync,
 * promotion, rollback and self-heal (revision, release = image references, trigger and actor, times,
 * result, counts, redacted diff summary), kept behind the
 * {@link io.jenkins.plugins.gitops.engine.history.HistoryStore} SPI.
 *
 * <p>Where records live: {@link io.jenkins.plugins.gitops.engine.history.KubernetesHistoryStore} keeps
 * the newest N (default 10) in a ConfigMap {@code gitops-history-<env>} in the environment's namespace,
 * so history survives the loss of any CI server; {@link io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmHistoryStore}
 * keeps the newest 10 as one immutable Swarm config per record in the stack; {@link io.jenkins.plugins.gitops.engine.history.FileHistoryStore}
 * keeps every record in JSON-lines files (the command line, and a Jenkins controller's own copy).
 * The ConfigMap carries the environment's managed labels plus
 * {@link io.jenkins.plugins.gitops.engine.model.Labels#INTERNAL}{@code =true}: targets must leave objects
 * with that label out of live listings so that drift detection and prune never touch them.
 *
 * <p>Records never hold a secret value: the diff summary names objects and JSON pointers only.
 */
package io.jenkins.plugins.gitops.engine.history;
