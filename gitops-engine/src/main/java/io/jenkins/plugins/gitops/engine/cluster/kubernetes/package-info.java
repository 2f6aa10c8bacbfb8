/**
 * The Kubernetes target (fabric8): {@link io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget}
 * handles every kind as a generic resource located by API discovery, checks built-in kinds against the
 * Kubernetes schema ({@code SchemaCheck}, from fabric8's model classes), sends every write first as a
 * server-side dry run, writes with create or a three-way JSON patch (never server-side apply) tracking the
 * fields it set in a small annotation ({@code ManagedFields}), and keeps an inventory of managed kinds for prune.
 * The in-process API used by the demo, the benchmarks and the tests (fabric8's mock server with discovery,
 * the API server's write rules, a controller stand-in) is not in this jar: it is the {@code gitops-testkit}
 * module, package {@code io.jenkins.plugins.gitops.testkit}. A few types here are public only for it
 * ({@code ApiKind}, {@code ApiSchema}, {@code SchemaCheck}, {@code BuiltInKinds}, {@code DesiredKinds},
 * {@code LastApplied}). What is checked where: docs/kubernetes-apply.md.
 */
package io.jenkins.plugins.gitops.engine.cluster.kubernetes;
