package io.jenkins.plugins.gitops.engine.policy;

import io.jenkins.plugins.gitops.engine.model.PolicyRule;
import io.jenkins.plugins.gitops.engine.model.Resource;

/**
 * One object (and container) breaking one policy.
 *
 * @param rule              the policy name
 * @param enforce           whether it blocks (otherwise it is a warning)
 * @param file              the repository file of the object ({@code ""} when unknown)
 * @param objectDescription {@code Deployment 'web'}
 * @param container         the container name, or null for object-level violations (labels, Swarm services)
 * @param message           the whole sentence: {@code environments/prod/app.yaml: Deployment 'web' container 'web'
 *                          has no resources.limits.memory (policy resource-limits)}
 */
public record Violation(String rule, boolean enforce, String file, String objectDescription, String container,
        String message) {

    /** A violation of an object as a whole. */
    static Violation of(PolicyRule rule, Resource resource, String problem) {
        return build(rule, resource, null, null, problem);
    }

    /** A violation of one container; {@code containerWord} is "container" or "init container". */
    static Violation of(PolicyRule rule, Resource resource, Workloads.Container container, String problem) {
        return build(rule, resource, container.name(), container.word(), problem);
    }

    private static Violation build(PolicyRule rule, Resource resource, String container, String containerWord,
            String problem) {
        String object = resource.kind() + " '" + resource.name() + "'";
        String file = resource.source();
        String message = (file.isEmpty() ? "" : file + ": ") + object
                + (container == null ? "" : " " + containerWord + " '" + container + "'") + " " + problem
                + " (policy " + rule.name() + ")";
        return new Violation(rule.name(), rule.enforce(), file, object, container, message);
    }
}
