package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes label selector in its string form (k8s.io/apimachinery/pkg/labels.Parse), as kustomize
 * uses for {@code labelSelector} and {@code annotationSelector}: comma-separated requirements
 * {@code key}, {@code !key}, {@code key=value}, {@code key==value}, {@code key!=value},
 * {@code key in (a,b)}, {@code key notin (a,b)}; all must hold.
 */
final class LabelSelector {
    private record Requirement(String key, String operator, Set<String> values) {
        boolean matches(Map<?, ?> labels) {
            boolean has = labels.containsKey(key);
            String value = has ? String.valueOf(labels.get(key)) : null;
            return switch (operator) {
                case "exists" -> has;
                case "!" -> !has;
                case "=", "in" -> has && values.contains(value);
                default -> !has || !values.contains(value);
            };
        }
    }

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    /** Parses {@code selector} (empty selects everything); {@code where} names it in errors. */
    static LabelSelector parse(String selector, String where) {
        List<Requirement> requirements = new ArrayList<>();
        if (selector == null || selector.isBlank()) {
            return new LabelSelector(requirements);
        }
        for (String term : splitTerms(selector)) {
            String t = term.trim();
            if (t.isEmpty()) {
                throw new InvalidInputException(where + ": selector '" + selector + "' has an empty requirement");
            }
            String lower = t.replaceAll("\\s+", " ");
            int in = lower.indexOf(" in ");
            int notin = lower.indexOf(" notin ");
            if (notin > 0 || in > 0) {
                boolean not = notin > 0;
                String key = lower.substring(0, not ? notin : in).trim();
                String rest = lower.substring((not ? notin : in) + (not ? 7 : 4)).trim();
                if (!rest.startsWith("(") || !rest.endsWith(")")) {
                    throw new InvalidInputException(where + ": selector '" + selector + "': values of '" + key
                            + "' must be in parentheses");
                }
                Set<String> values = Set.of(rest.substring(1, rest.length() - 1).trim().split("\\s*,\\s*"));
                requirements.add(new Requirement(key, not ? "notin" : "in", values));
            } else if (t.contains("!=")) {
                String[] kv = t.split("!=", 2);
                requirements.add(new Requirement(kv[0].trim(), "!=", Set.of(kv[1].trim())));
            } else if (t.contains("=")) {
                String[] kv = t.replace("==", "=").split("=", 2);
                requirements.add(new Requirement(kv[0].trim(), "=", Set.of(kv[1].trim())));
            } else if (t.startsWith("!")) {
                requirements.add(new Requirement(t.substring(1).trim(), "!", Set.of()));
            } else {
                requirements.add(new Requirement(t, "exists", Set.of()));
            }
        }
        return new LabelSelector(requirements);
    }

    /** Whether {@code labels} (labels or annotations of an object; null for none) satisfy every requirement. */
    boolean matches(Map<?, ?> labels) {
        Map<?, ?> actual = labels == null ? Map.of() : labels;
        return requirements.stream().allMatch(r -> r.matches(actual));
    }

    /** Splits at commas outside parentheses. */
    private static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : selector.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                terms.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        terms.add(current.toString());
        return terms;
    }
}
