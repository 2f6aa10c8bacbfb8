package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.api.PreviewRequest;
import io.jenkins.plugins.gitops.engine.api.PreviewResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The arguments of {@code gitopsPreview}, as the step received them, plus the run's {@code CHANGE_ID}.
 *
 * @param environment         environment of gitops.yaml whose {@code preview:} is used (required)
 * @param id                  change-request id; null for the run's {@code CHANGE_ID}
 * @param changeId            the run's {@code CHANGE_ID} (null outside a change request)
 * @param variables           {@code set:} overrides (Groovy strings already turned into text)
 * @param delete              tear the preview down instead of creating or updating it
 * @param repository          GitOps repository URL; null for the first configured one
 * @param revision            branch, tag or commit of the GitOps repository; null for its default branch
 * @param credentialsId       Jenkins credentials for the Git repository; null for the configured ones
 * @param targetCredentialsId Jenkins credentials for the cluster or daemon; null for the template's configured ones
 * @param timeout             health wait as text ({@code 5m}); null for the environment's
 */
public record PreviewArguments(String environment, String id, String changeId, Map<String, String> variables,
        boolean delete, String repository, String revision, String credentialsId, String targetCredentialsId,
        String timeout) {
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public PreviewArguments {
        variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** Checks every argument and reports all problems at once; returns this for chaining. */
    public PreviewArguments validate(String step) {
        List<String> problems = new ArrayList<>();
        Names.checkEnvironment(step, "environment", environment, problems);
        if (effectiveId() == null) {
            problems.add(step + ": this build is not for a change request (CHANGE_ID is not set); run it in a multibranch"
                    + " pipeline's pull/merge request job, or pass id: explicitly");
        }
        for (Map.Entry<String, String> e : variables.entrySet()) {
            if (e.getKey() == null || !VARIABLE.matcher(e.getKey()).matches()) {
                problems.add(step + ": set: '" + e.getKey() + "' is not a variable name (letters, digits and '_', e.g. IMAGE_TAG)");
            } else if (e.getValue() == null || e.getValue().isEmpty()) {
                problems.add(step + ": set: " + e.getKey() + " has no value");
            }
        }
        if (delete && !variables.isEmpty()) {
            problems.add(step + ": set: has no meaning with delete: true; remove one of them");
        }
        if (revision != null && (revision.isBlank() || revision.contains(" ") || revision.startsWith("-"))) {
            problems.add(step + ": revision '" + revision + "' is not a branch, tag or commit id");
        }
        try {
            Durations.parse(step + ": timeout", timeout);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return this;
    }

    /** The id argument, else the run's CHANGE_ID; null when there is neither. */
    public String effectiveId() {
        String explicit = SyncArguments.blankToNull(id);
        return explicit != null ? explicit : SyncArguments.blankToNull(changeId);
    }

    /** The engine request: triggered by a pipeline, on behalf of {@code actor}. */
    public PreviewRequest toRequest(String actor) {
        return new PreviewRequest(environment, effectiveId(), SyncArguments.blankToNull(revision), variables,
                Durations.parse("timeout", timeout), "pipeline", actor);
    }

    /** What the step returns: {@code [url:, name:, id:, environment:, deleted:]} plus the sync's counts. */
    public static Map<String, Object> result(PreviewResult result, String recordId) {
        Map<String, Object> map = new LinkedHashMap<>(StepResults.of(result.sync(), recordId));
        map.put("url", result.url());
        map.put("name", result.name());
        map.put("id", result.id());
        map.put("environment", result.environment());
        return java.util.Collections.unmodifiableMap(map);
    }
}
