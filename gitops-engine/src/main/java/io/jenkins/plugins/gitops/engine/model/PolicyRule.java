package io.jenkins.plugins.gitops.engine.model;

import java.util.List;

/**
 * A built-in policy switched on for an environment: its name (run-as-non-root, resource-limits,
 * no-privileged, no-latest-tag, required-labels), whether a violation blocks ({@code enforce}) or
 * only warns, and its parameters (the label names for required-labels).
 */
public record PolicyRule(String name, boolean enforce, List<String> labels) {
    public PolicyRule {
        labels = List.copyOf(labels);
    }
}
