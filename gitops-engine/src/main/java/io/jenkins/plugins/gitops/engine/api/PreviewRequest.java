package io.jenkins.plugins.gitops.engine.api;

import java.time.Duration;
import java.util.Map;

/**
 * A request to create or update the preview of an environment for one change request.
 *
 * @param environment the environment whose {@code preview:} is used (the template)
 * @param id          the change-request id ({@code CHANGE_ID} in Jenkins)
 * @param revision    branch, tag or commit of the GitOps repository; null for its default branch
 * @param variables   overrides of the variables {@code preview.variables} lists (e.g. IMAGE_TAG)
 * @param timeout     health wait; null for the template's
 * @param trigger     {@code manual}, {@code pipeline}, ...
 * @param actor       the user or job behind it
 */
public record PreviewRequest(String environment, String id, String revision, Map<String, String> variables,
        Duration timeout, String trigger, String actor) {
    public PreviewRequest {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    public static PreviewRequest of(String environment, String id) {
        return new PreviewRequest(environment, id, null, Map.of(), null, "manual", System.getProperty("user.name"));
    }

    public PreviewRequest withVariables(Map<String, String> value) {
        return new PreviewRequest(environment, id, revision, value, timeout, trigger, actor);
    }

    public PreviewRequest withRevision(String value) {
        return new PreviewRequest(environment, id, value, variables, timeout, trigger, actor);
    }

    public PreviewRequest withTimeout(Duration value) {
        return new PreviewRequest(environment, id, revision, variables, value, trigger, actor);
    }

    public PreviewRequest withTrigger(String newTrigger, String newActor) {
        return new PreviewRequest(environment, id, revision, variables, timeout, newTrigger, newActor);
    }
}
