package io.jenkins.plugins.gitops.engine.model;

/**
 * Where an environment runs, as gitops.yaml says it. Which cluster or daemon (and its credentials)
 * is chosen outside the repository: by the command's options or by Jenkins credentials.
 *
 * @param type             Kubernetes or Swarm
 * @param namespace        Kubernetes: namespace for namespaced objects that name none
 * @param context          Kubernetes: kubeconfig context to use, or null for the current one
 * @param createNamespace  Kubernetes: create the namespace when absent
 * @param stack            Swarm: stack name (prefix of object names, {@code com.docker.stack.namespace})
 */
public record TargetSpec(Type type, String namespace, String context, boolean createNamespace, String stack) {
    public enum Type { KUBERNETES, SWARM }

    public static TargetSpec kubernetes(String namespace) {
        return new TargetSpec(Type.KUBERNETES, namespace, null, true, null);
    }

    public static TargetSpec swarm(String stack) {
        return new TargetSpec(Type.SWARM, null, null, false, stack);
    }
}
