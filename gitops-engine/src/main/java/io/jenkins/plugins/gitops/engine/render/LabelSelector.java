package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes label selector strings as kustomize's patch targets use them (k8s.io/apimachinery labels.Parse):
 * requirements separated by commas, each {@code key}, {@code !key}, {@code key=value}, {@code key==value},
 * {@code key!=value}, {@code key in (a,b)} or {@code key notin (a,b)}; all must hold.
 */
final class LabelSelector {
    private static final Pattern SET = Pattern.compile("^\\s*(\\S+)\\s+(in|notin)\\s*\\((.*)\\)\\s*$");

    private LabelSelector() {
    }

    /** Whether {@code values} (labels or annotations) satisfy {@code selector}; a blank selector matches all. */
    static boolean matches(String selector, Map<?, ?> values, String what) {
        if (selector == null || selector.isBlank()) {
            return true;
        }
        for (String requirement : split(selector)) {
            if (!holds(requirement.trim(), values, selector, what)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(String r, Map<?, ?> values, String selector, String what) {
        Matcher set = SET.matcher(r);
        if (set.matches()) {
            List<String> options = Arrays.stream(set.group(3).split(",")).map(String::trim).toList();
            Object actual = values.get(set.group(1));
            boolean in = actual != null && options.contains(String.valueOf(actual));
            return set.group(2).equals("in") ? in : !in;
        }
        int ne = r.indexOf("!=");
        if (ne > 0) {
            Object actual = values.get(r.substring(0, ne).trim());
            return actual == null || !String.valueOf(actual).equals(r.substring(ne + 2).trim());
        }
        int eq = r.indexOf('=');
        if (eq > 0) {
            String value = r.substring(r.startsWith("=", eq + 1) ? eq + 2 : eq + 1).trim();
            Object actual = values.get(r.substring(0, eq).trim());
            return actual != null && String.valueOf(actual).equals(value);
        }
        if (r.startsWith("!") && r.length() > 1) {
            return !values.containsKey(r.substring(1).trim());
        }
        if (r.isEmpty() || r.contains(" ") || r.contains("(")) {
            throw new InvalidInputException(what + " '" + selector + "' is not a valid selector: '" + r + "'");
        }
        return values.containsKey(r);
    }

    /** Splits at commas outside parentheses. */
    private static List<String> split(String selector) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(selector.substring(start));
        return parts;
    }
}
