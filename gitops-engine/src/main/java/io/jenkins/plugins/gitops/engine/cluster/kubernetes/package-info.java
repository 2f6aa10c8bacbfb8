/**
 * The Kubernetes target (fabric8): {@link io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget}
 * handles every kind as a generic resource located by API discovery, writes with create or a
 * three-way JSON patch (never server-side apply), and keeps an inventory of managed kinds for prune.
 * {@link io.jenkins.plugins.gitops.engine.cluster.kubernetes.InProcessKubernetes} is the in-process API
 * (fabric8's mock server with discovery and request counting) used by the demo, the benchmark and tests,
 * and {@link io.jenkins.plugins.gitops.engine.cluster.kubernetes.ControllerStandIn} writes the workload
 * status its missing controllers would.
 */
package io.jenkins.plugins.gitops.engine.cluster.kubernetes;
