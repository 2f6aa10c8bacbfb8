package io.jenkins.plugins.gitops.engine.policy;

import io.jenkins.plugins.gitops.engine.model.PolicyRule;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.List;
import java.util.Map;

/**
 * required-labels: every desired object carries the labels the rule lists (on
 * {@code metadata.labels}; Swarm objects mirror their labels there).
 */
final class RequiredLabelsPolicy implements Policy {
    static final String NAME = "required-labels";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Violation> check(Resource resource, PolicyRule rule) {
        Map<String, String> labels = resource.labels();
        List<String> missing = rule.labels().stream().filter(l -> !labels.containsKey(l)).toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(Violation.of(rule, resource, "has no label" + (missing.size() > 1 ? "s " : " ")
                + String.join(", ", missing) + " in metadata.labels"));
    }
}
