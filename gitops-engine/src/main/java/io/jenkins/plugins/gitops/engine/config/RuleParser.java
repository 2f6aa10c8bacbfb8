package io.jenkins.plugins.gitops.engine.config;

import io.jenkins.plugins.gitops.engine.model.IgnoreRule;
import io.jenkins.plugins.gitops.engine.model.PolicyRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** {@code policies:} and {@code ignoreDifferences:} lists. */
final class RuleParser {
    /** The built-in policies (see the policy package); {@code required-labels} takes {@code labels}. */
    static final List<String> KNOWN_POLICIES =
            List.of("run-as-non-root", "resource-limits", "no-privileged", "no-latest-tag", "required-labels");
    static final String REQUIRED_LABELS = "required-labels";
    static final List<String> POLICY_KEYS = List.of("name", "mode", "labels");
    static final List<String> POLICY_MODES = List.of("enforce", "warn");
    static final List<String> IGNORE_KEYS = List.of("kind", "name", "jsonPointers");
    /** A label key: optional DNS-subdomain prefix and '/', then a name of at most 63 characters. */
    private static final Pattern LABEL_KEY = Pattern.compile(
            "([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    /** RFC 6901: '/'-separated tokens in which '~' is only used as ~0 or ~1. */
    private static final Pattern JSON_POINTER = Pattern.compile("(/([^~/]|~[01])*)+");

    private RuleParser() {
    }

    static List<PolicyRule> policies(YamlMap.Entry entry, Problems problems) {
        List<Node> items = Values.list(entry.value(), entry.path(), problems, "[run-as-non-root, resource-limits]");
        if (items == null) {
            return null;
        }
        int errorsBefore = problems.errorCount();
        List<PolicyRule> rules = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String path = entry.path() + "[" + i + "]";
            PolicyRule rule = item instanceof MappingNode ? policyMap(item, path, problems) : policyName(item, path, problems);
            if (rule == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(rule.name(), Values.line(item));
            if (first != null) {
                problems.error(item, path, "policy '" + rule.name() + "' is listed twice (first at line " + first + ")");
            }
            rules.add(rule);
        }
        return problems.errorCount() == errorsBefore ? rules : null;
    }

    private static PolicyRule policyName(Node item, String path, Problems problems) {
        String name = knownPolicy(item, path, problems);
        if (name != null && name.equals(REQUIRED_LABELS)) {
            problems.error(item, path, "required-labels needs the label names: "
                    + "{ name: required-labels, labels: [app.kubernetes.io/name] }");
            return null;
        }
        return name == null ? null : new PolicyRule(name, true, List.of());
    }

    private static PolicyRule policyMap(Node item, String path, Problems problems) {
        YamlMap map = Values.map(item, path, Values.line(item), problems);
        map.rejectUnknown(POLICY_KEYS, problems);
        YamlMap.Entry nameEntry = map.require("name", "one of " + String.join(", ", KNOWN_POLICIES), problems);
        String name = nameEntry == null ? null : knownPolicy(nameEntry.value(), nameEntry.path(), problems);
        YamlMap.Entry modeEntry = map.get("mode");
        String mode = modeEntry == null ? "enforce" : Values.oneOf(modeEntry.value(), modeEntry.path(), problems, POLICY_MODES);
        YamlMap.Entry labelsEntry = map.get("labels");
        List<String> labels = labelsEntry == null ? List.of() : labels(labelsEntry, problems);
        if (name == null || mode == null || labels == null) {
            return null;
        }
        if (name.equals(REQUIRED_LABELS) && labels.isEmpty()) {
            problems.error(map.line(), path, "required-labels needs labels: [<label key>, ...]");
            return null;
        }
        if (!name.equals(REQUIRED_LABELS) && labelsEntry != null) {
            problems.error(labelsEntry.line(), labelsEntry.path(), "only required-labels takes labels, not " + name);
            return null;
        }
        return new PolicyRule(name, mode.equals("enforce"), labels);
    }

    private static String knownPolicy(Node node, String path, Problems problems) {
        String name = Values.string(node, path, problems);
        if (name != null && !KNOWN_POLICIES.contains(name)) {
            problems.error(node, path, "unknown policy '" + Values.clip(name) + "'" + Suggestions.didYouMean(name, KNOWN_POLICIES)
                    + "; known policies: " + String.join(", ", KNOWN_POLICIES));
            return null;
        }
        return name;
    }

    private static List<String> labels(YamlMap.Entry entry, Problems problems) {
        return checkedStrings(entry, problems, "[app.kubernetes.io/name, team]", LABEL_KEY, "is not a valid label key");
    }

    /** A list of strings each matching {@code pattern}; errors name the item's own line. */
    private static List<String> checkedStrings(YamlMap.Entry entry, Problems problems, String example,
            Pattern pattern, String mismatch) {
        List<Node> items = Values.list(entry.value(), entry.path(), problems, example);
        if (items == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            String path = entry.path() + "[" + i + "]";
            String value = Values.string(items.get(i), path, problems);
            if (value != null && !pattern.matcher(value).matches()) {
                problems.error(items.get(i), path, "'" + Values.clip(value) + "' " + mismatch);
                value = null;
            }
            ok &= value != null;
            values.add(value);
        }
        return ok ? values : null;
    }

    static List<IgnoreRule> ignoreDifferences(YamlMap.Entry entry, Problems problems) {
        List<Node> items = Values.list(entry.value(), entry.path(), problems,
                "[{ kind: Deployment, jsonPointers: [/spec/replicas] }]");
        if (items == null) {
            return null;
        }
        int errorsBefore = problems.errorCount();
        List<IgnoreRule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = entry.path() + "[" + i + "]";
            YamlMap map = Values.map(items.get(i), path, Values.line(items.get(i)), problems);
            if (map == null) {
                continue;
            }
            map.rejectUnknown(IGNORE_KEYS, problems);
            YamlMap.Entry kind = map.get("kind");
            YamlMap.Entry name = map.get("name");
            String kindValue = kind == null ? null : Values.string(kind.value(), kind.path(), problems);
            String nameValue = name == null ? null : Values.string(name.value(), name.path(), problems);
            YamlMap.Entry pointersEntry = map.require("jsonPointers", "the fields to ignore, e.g. [/spec/replicas]", problems);
            List<String> pointers = pointersEntry == null ? null : pointers(pointersEntry, problems);
            if (pointers != null) {
                rules.add(new IgnoreRule(kindValue, nameValue, pointers));
            }
        }
        return problems.errorCount() == errorsBefore ? rules : null;
    }

    private static List<String> pointers(YamlMap.Entry entry, Problems problems) {
        List<String> pointers = checkedStrings(entry, problems, "[/spec/replicas]", JSON_POINTER,
                "is not a JSON pointer: start it with '/' (e.g. /spec/replicas), write '~' as ~0 and a '/' inside a name as ~1");
        if (pointers != null && pointers.isEmpty()) {
            problems.error(entry.line(), entry.path(), "list at least one JSON pointer, e.g. [/spec/replicas]");
            return null;
        }
        return pointers;
    }
}
