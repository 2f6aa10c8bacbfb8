package io.jenkins.plugins.gitops.engine.model;

import java.time.Duration;
import java.util.List;

/**
 * The {@code preview:} section of an environment: how a per-change-request copy of that environment
 * (a preview) is named, reached and expired. A preview is always a copy of the environment that
 * declares it (its template); see docs/previews.md.
 *
 * @param name      pattern of the preview's name, which is its environment name (labels, history, owner)
 *                  and its Kubernetes namespace or Swarm stack; placeholders {@code <env>} and {@code <id>};
 *                  default {@link #DEFAULT_NAME}
 * @param host      pattern of the preview's host name (Ingress hosts on Kubernetes, the URL's host on Swarm),
 *                  placeholders {@code <env>}, {@code <id>}, {@code <name>}; null: hosts are left alone and
 *                  the preview has no URL unless the template has none to rewrite
 * @param ttl       how long a preview lives after its last deployment before the drift worker or
 *                  {@code gitops preview prune} removes it; null: until deleted
 * @param variables the variables {@code --set} (step: {@code set:}) may override, in file order
 * @param images    kustomize-style {@code images:} entries applied to the preview's objects; their values may
 *                  use {@code ${VARIABLE}} from {@code variables}
 */
public record PreviewSpec(String name, String host, Duration ttl, List<String> variables, List<ImageOverride> images) {
    public static final String DEFAULT_NAME = "<env>-pr-<id>";

    public PreviewSpec {
        name = name == null ? DEFAULT_NAME : name;
        variables = List.copyOf(variables);
        images = List.copyOf(images);
    }

    /**
     * One {@code images:} entry, as kustomize's {@code images} field (kustomize api/types/image.go):
     * the image {@code name} to match and its new name, tag or digest.
     */
    public record ImageOverride(String name, String newName, String newTag, String digest) {
    }
}
