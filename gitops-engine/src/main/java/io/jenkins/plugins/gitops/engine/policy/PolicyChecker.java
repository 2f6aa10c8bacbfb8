package io.jenkins.plugins.gitops.engine.policy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.PolicyRule;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs an environment's policies over a desired state. Built before any write so that an unknown
 * rule name fails early; {@link #check(DesiredState)} never writes and never throws for violations.
 */
public final class PolicyChecker {
    private static final Map<String, Policy> BUILT_IN = builtIns();

    private final List<PolicyRule> rules;

    /**
     * @throws InvalidInputException for an unknown rule name (listing the known ones) or a
     *                               required-labels rule without labels
     */
    public PolicyChecker(List<PolicyRule> rules) {
        List<String> problems = new ArrayList<>();
        for (PolicyRule rule : rules) {
            if (!BUILT_IN.containsKey(rule.name())) {
                problems.add("unknown policy '" + rule.name() + "'; known policies: " + String.join(", ", knownPolicies()));
            } else if (rule.name().equals(RequiredLabelsPolicy.NAME) && rule.labels().isEmpty()) {
                problems.add("policy required-labels needs the label names: "
                        + "{ name: required-labels, labels: [app.kubernetes.io/name] }");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        this.rules = List.copyOf(rules);
    }

    /** The names of the built-in policies, in documentation order. */
    public static List<String> knownPolicies() {
        return List.copyOf(BUILT_IN.keySet());
    }

    /** Every violation of every rule on every object of the desired state, in file order. */
    public PolicyReport check(DesiredState state) {
        Objects.requireNonNull(state, "state");
        List<Violation> violations = new ArrayList<>();
        for (Resource resource : state.resources()) {
            for (PolicyRule rule : rules) {
                violations.addAll(BUILT_IN.get(rule.name()).check(resource, rule));
            }
        }
        return new PolicyReport(state.environment(), rules.stream().map(PolicyRule::name).toList(), violations);
    }

    private static Map<String, Policy> builtIns() {
        Map<String, Policy> map = new LinkedHashMap<>();
        for (Policy p : List.of(new RunAsNonRootPolicy(), new ResourceLimitsPolicy(), new NoPrivilegedPolicy(),
                new NoLatestTagPolicy(), new RequiredLabelsPolicy())) {
            map.put(p.name(), p);
        }
        return map;
    }
}
