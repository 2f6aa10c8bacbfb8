/**
 * The Kubernetes target (fabric8): {@link io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget}
 * handles every kind as a generic resource located by API discovery, checks built-in kinds against the
 * Kubernetes schema ({@code SchemaCheck}, from fabric8's model classes), sends every write first as a
 * server-side dry run, writes with create or a three-way JSON patch (never server-side apply) tracking the
 * fields it set in a small annotation ({@code ManagedFields}), and keeps an inventory of managed kinds for prune.
 * {@link io.jenkins.plugins.gitops.engine.cluster.kubernetes.InProcessKubernetes} is the in-process API
 * (fabric8's mock server with discovery, request counting, {@code dryRun=All} and the API server's write
 * rules of {@code ServerRules}) used by the demo, the benchmark and tests, and
 * {@link io.jenkins.plugins.gitops.engine.cluster.kubernetes.ControllerStandIn} writes the workload status
 * its missing controllers would. What is checked where: docs/kubernetes-apply.md.
 */
package io.jenkins.plugins.gitops.engine.cluster.kubernetes;
