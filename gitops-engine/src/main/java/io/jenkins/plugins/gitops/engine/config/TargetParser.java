package io.jenkins.plugins.gitops.engine.config;

import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import java.util.List;
import java.util.regex.Pattern;

/** {@code target:} of an environment: exactly one of {@code kubernetes:} or {@code swarm:}. */
final class TargetParser {
    static final List<String> TARGET_KEYS = List.of("kubernetes", "swarm");
    static final List<String> KUBERNETES_KEYS = List.of("namespace", "context", "createNamespace");
    static final List<String> SWARM_KEYS = List.of("stack", "context");
    /** A Kubernetes namespace is a DNS label (RFC 1123). */
    static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** Docker Compose project (stack) names: lower case, digits, '-' and '_'. */
    static final Pattern STACK_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private TargetParser() {
    }

    static TargetSpec parse(YamlMap.Entry entry, Problems problems) {
        YamlMap target = Values.map(entry.value(), entry.path(), entry.line(), problems);
        if (target == null) {
            return null;
        }
        target.rejectUnknown(TARGET_KEYS, problems);
        YamlMap.Entry kubernetes = target.get("kubernetes");
        YamlMap.Entry swarm = target.get("swarm");
        if (kubernetes != null && swarm != null) {
            problems.error(entry.line(), entry.path(), "set one of kubernetes or swarm, not both");
            return null;
        }
        if (kubernetes != null) {
            return kubernetes(kubernetes, problems);
        }
        if (swarm != null) {
            return swarm(swarm, problems);
        }
        if (target.isEmpty()) {
            problems.error(entry.line(), entry.path(),
                    "set kubernetes: { namespace: <namespace> } or swarm: { stack: <stack> }");
        }
        return null;
    }

    private static TargetSpec kubernetes(YamlMap.Entry entry, Problems problems) {
        YamlMap map = Values.map(entry.value(), entry.path(), entry.line(), problems);
        if (map == null) {
            return null;
        }
        map.rejectUnknown(KUBERNETES_KEYS, problems);
        String namespace = name(map.require("namespace", "the namespace objects are deployed to, e.g. docs-dev",
                problems), DNS_LABEL, "a Kubernetes namespace: lower-case letters, digits and '-', at most 63,"
                + " starting and ending with a letter or digit", problems);
        String context = optionalString(map.get("context"), problems);
        YamlMap.Entry create = map.get("createNamespace");
        Boolean createNamespace = create == null ? Boolean.TRUE : Values.bool(create.value(), create.path(), problems);
        if (namespace == null || createNamespace == null) {
            return null;
        }
        return new TargetSpec(TargetSpec.Type.KUBERNETES, namespace, context, createNamespace, null);
    }

    private static TargetSpec swarm(YamlMap.Entry entry, Problems problems) {
        YamlMap map = Values.map(entry.value(), entry.path(), entry.line(), problems);
        if (map == null) {
            return null;
        }
        map.rejectUnknown(SWARM_KEYS, problems);
        String stack = name(map.require("stack", "the stack name, e.g. medianest", problems), STACK_NAME,
                "a stack name: lower-case letters, digits, '-' and '_', at most 63, starting with a letter or digit",
                problems);
        String context = optionalString(map.get("context"), problems);
        return stack == null ? null : new TargetSpec(TargetSpec.Type.SWARM, null, context, false, stack);
    }

    private static String name(YamlMap.Entry entry, Pattern pattern, String what, Problems problems) {
        if (entry == null) {
            return null;
        }
        String value = Values.string(entry.value(), entry.path(), problems);
        if (value != null && !pattern.matcher(value).matches()) {
            problems.error(entry.value(), entry.path(), "'" + Values.clip(value) + "' is not " + what);
            return null;
        }
        return value;
    }

    private static String optionalString(YamlMap.Entry entry, Problems problems) {
        return entry == null ? null : Values.string(entry.value(), entry.path(), problems);
    }
}
