package io.jenkins.plugins.gitops.engine.policy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.List;

/**
 * The result of a policy check: every violation, enforced ones first in {@link #describe()}.
 *
 * @param environment the environment checked
 * @param rules       the rule names that ran
 */
public record PolicyReport(String environment, List<String> rules, List<Violation> violations) {
    public PolicyReport {
        rules = List.copyOf(rules);
        violations = List.copyOf(violations);
    }

    /** True when an enforced policy is violated: nothing may be written. */
    public boolean blocked() {
        return violations.stream().anyMatch(Violation::enforce);
    }

    /** Messages of enforced violations. */
    public List<String> errors() {
        return violations.stream().filter(Violation::enforce).map(Violation::message).toList();
    }

    /** Messages of violations of policies in warn mode. */
    public List<String> warnings() {
        return violations.stream().filter(v -> !v.enforce()).map(Violation::message).toList();
    }

    /** Throws when {@link #blocked()}, with one problem per enforced violation. */
    public void enforce() {
        if (blocked()) {
            throw new InvalidInputException(errors());
        }
    }

    /** A few lines for logs and build pages. */
    public String describe() {
        if (rules.isEmpty()) {
            return "policies of " + environment + ": none configured";
        }
        if (violations.isEmpty()) {
            return "policies of " + environment + ": passed (" + String.join(", ", rules) + ")";
        }
        StringBuilder out = new StringBuilder("policies of " + environment + ": ");
        List<String> errors = errors();
        List<String> warnings = warnings();
        out.append(blocked() ? "blocked, " + errors.size() + " violation" + (errors.size() == 1 ? "" : "s") : "passed");
        if (!warnings.isEmpty()) {
            out.append(blocked() ? ", " : " with ").append(warnings.size()).append(" warning")
                    .append(warnings.size() == 1 ? "" : "s");
        }
        errors.forEach(e -> out.append("\n  error: ").append(e));
        warnings.forEach(w -> out.append("\n  warning: ").append(w));
        return out.toString();
    }
}
