package io.jenkins.plugins.gitops.engine.config;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.LoadRestrictor;
import io.jenkins.plugins.gitops.engine.model.Masking;
import io.jenkins.plugins.gitops.engine.model.SyncPolicy;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads one environment's mapping, or the {@code defaults:} section, into {@link EnvironmentSettings}. */
final class SettingsParser {
    static final List<String> ENVIRONMENT_KEYS = List.of("path", "target", "sync", "prune", "selfHeal",
            "driftInterval", "promotesFrom", "approvers", "retry", "health", "autoRollback", "policies",
            "ignoreDifferences", "variables", "pruneCrds", "verify", "preview", "allowEmpty", "takeOwnership",
            "kustomize", "notifications");
    /** Keys that only make sense per environment, so {@code defaults:} refuses them. */
    static final List<String> ENVIRONMENT_ONLY_KEYS = List.of("path", "target", "promotesFrom", "preview");
    static final List<String> SYNC_VALUES = List.of("automatic", "manual", "approval");
    static final List<String> RETRY_KEYS = List.of("limit", "backoff", "factor", "maxDuration");
    static final List<String> HEALTH_KEYS = List.of("timeout");
    static final List<String> VERIFY_KEYS = List.of("signatures");
    static final List<String> KUSTOMIZE_KEYS = List.of("loadRestrictor");
    static final Duration MIN_DRIFT_INTERVAL = Duration.ofSeconds(1);
    static final Duration MIN_POSITIVE = Duration.ofMillis(1);
    static final int MAX_RETRY_LIMIT = 100;
    static final double MAX_RETRY_FACTOR = 10;
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SettingsParser() {
    }

    static EnvironmentSettings parse(YamlMap map, boolean defaults, Problems problems) {
        map.rejectUnknown(ENVIRONMENT_KEYS, problems);
        EnvironmentSettings s = new EnvironmentSettings();
        s.line = map.line();
        if (defaults) {
            for (String key : ENVIRONMENT_ONLY_KEYS) {
                YamlMap.Entry entry = map.get(key);
                if (entry != null) {
                    problems.error(entry.line(), map.path(), "'" + key
                            + "' cannot be a default: set it in each environment under environments:");
                }
            }
        } else {
            path(map.require("path", "the folder with this environment's manifests, e.g. environments/"
                    + lastSegment(map.path()), problems), s, problems);
            YamlMap.Entry target = map.require("target", "where it runs: kubernetes: { namespace: ... } or swarm: { stack: ... }",
                    problems);
            if (target != null) {
                s.target = TargetParser.parse(target, problems);
                s.targetLine = target.line();
            }
            YamlMap.Entry from = map.get("promotesFrom");
            if (from != null) {
                s.promotesFrom = Values.string(from.value(), from.path(), problems);
                s.promotesFromLine = from.line();
            }
            YamlMap.Entry preview = map.get("preview");
            if (preview != null) {
                s.preview = PreviewParser.parse(preview, lastSegment(map.path()), problems);
            }
        }
        for (YamlMap.Entry entry : map.entries()) {
            shared(entry, s, problems);
        }
        return s;
    }

    /** The keys both an environment and the defaults may set. */
    private static void shared(YamlMap.Entry e, EnvironmentSettings s, Problems problems) {
        switch (e.key()) {
            case "sync" -> {
                String sync = Values.oneOf(e.value(), e.path(), problems, SYNC_VALUES);
                s.sync = sync == null ? null : SyncPolicy.valueOf(sync.toUpperCase(Locale.ROOT));
            }
            case "prune" -> s.prune = Values.bool(e.value(), e.path(), problems);
            case "selfHeal" -> s.selfHeal = Values.bool(e.value(), e.path(), problems);
            case "autoRollback" -> s.autoRollback = Values.bool(e.value(), e.path(), problems);
            case "pruneCrds" -> s.pruneCrds = Values.bool(e.value(), e.path(), problems);
            case "allowEmpty" -> s.allowEmpty = Values.bool(e.value(), e.path(), problems);
            case "takeOwnership" -> s.takeOwnership = Values.bool(e.value(), e.path(), problems);
            case "driftInterval" -> s.driftInterval = Values.duration(e.value(), e.path(), problems, MIN_DRIFT_INTERVAL);
            case "approvers" -> {
                s.approvers = approvers(e, problems);
                s.approversLine = e.line();
            }
            case "retry" -> retry(e, s, problems);
            case "health" -> health(e, s, problems);
            case "kustomize" -> s.loadRestrictor = loadRestrictor(e, problems);
            case "verify" -> s.signatures = VerifyParser.signatures(e, problems);
            case "policies" -> s.policies = RuleParser.policies(e, problems);
            case "ignoreDifferences" -> s.ignoreDifferences = RuleParser.ignoreDifferences(e, problems);
            case "variables" -> s.variables = variables(e, problems);
            case "notifications" -> s.notifications = NotificationsParser.parse(e, problems);
            default -> {
                // path, target, promotesFrom, preview: read above; unknown keys: reported by rejectUnknown
            }
        }
    }

    private static void path(YamlMap.Entry entry, EnvironmentSettings s, Problems problems) {
        if (entry == null) {
            return;
        }
        String path = Values.string(entry.value(), entry.path(), problems);
        if (path == null) {
            return;
        }
        if (path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
            problems.error(entry.value(), entry.path(), "absolute path '" + Values.clip(path)
                    + "' is not allowed; use a path relative to the repository");
            return;
        }
        try {
            String normalized = RepoPaths.normalize(path, entry.path());
            if (normalized.isEmpty()) {
                problems.error(entry.value(), entry.path(), "'" + Values.clip(path) + "' is the repository root;"
                        + " put the environment's manifests in their own folder, e.g. environments/" + lastSegment(entry.path()
                        .substring(0, entry.path().length() - ".path".length())));
                return;
            }
            s.path = normalized;
            s.pathLine = entry.line();
        } catch (InvalidInputException e) {
            String message = e.getMessage();
            String prefix = entry.path() + ": ";
            problems.error(entry.value(), entry.path(), message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
    }

    private static List<String> approvers(YamlMap.Entry e, Problems problems) {
        List<String> approvers = Values.stringList(e.value(), e.path(), problems, "[release-managers, alice]");
        if (approvers == null) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (String approver : approvers) {
            if (!seen.add(approver)) {
                problems.error(e.line(), e.path(), "'" + Values.clip(approver) + "' is listed twice");
                return null;
            }
        }
        return approvers;
    }

    private static void retry(YamlMap.Entry e, EnvironmentSettings s, Problems problems) {
        YamlMap retry = Values.map(e.value(), e.path(), e.line(), problems);
        if (retry == null) {
            return;
        }
        s.retryLine = e.line();
        retry.rejectUnknown(RETRY_KEYS, problems);
        for (YamlMap.Entry r : retry.entries()) {
            switch (r.key()) {
                case "limit" -> s.retryLimit = Values.integer(r.value(), r.path(), problems, 0, MAX_RETRY_LIMIT);
                case "backoff" -> s.retryBackoff = Values.duration(r.value(), r.path(), problems, MIN_POSITIVE);
                case "factor" -> s.retryFactor = Values.number(r.value(), r.path(), problems, 1, MAX_RETRY_FACTOR);
                case "maxDuration" -> s.retryMaxDuration = Values.duration(r.value(), r.path(), problems, MIN_POSITIVE);
                default -> {
                    // reported by rejectUnknown
                }
            }
        }
    }

    private static void health(YamlMap.Entry e, EnvironmentSettings s, Problems problems) {
        YamlMap health = Values.map(e.value(), e.path(), e.line(), problems);
        if (health == null) {
            return;
        }
        health.rejectUnknown(HEALTH_KEYS, problems);
        YamlMap.Entry timeout = health.get("timeout");
        if (timeout != null) {
            s.healthTimeout = Values.duration(timeout.value(), timeout.path(), problems, MIN_POSITIVE);
        }
    }

    /** {@code kustomize: { loadRestrictor: LoadRestrictionsRootOnly | LoadRestrictionsNone }}, as kustomize's flag. */
    private static LoadRestrictor loadRestrictor(YamlMap.Entry e, Problems problems) {
        YamlMap kustomize = Values.map(e.value(), e.path(), e.line(), problems);
        if (kustomize == null) {
            return null;
        }
        kustomize.rejectUnknown(KUSTOMIZE_KEYS, problems);
        YamlMap.Entry restrictor = kustomize.get("loadRestrictor");
        if (restrictor == null) {
            return null;
        }
        String value = Values.oneOf(restrictor.value(), restrictor.path(), problems,
                java.util.Arrays.stream(LoadRestrictor.values()).map(LoadRestrictor::flag).toList());
        return value == null ? null : LoadRestrictor.ofFlag(value);
    }

    /** Variables never appear in messages by value: a misplaced secret must not be echoed. */
    private static Map<String, String> variables(YamlMap.Entry e, Problems problems) {
        YamlMap variables = Values.map(e.value(), e.path(), e.line(), problems);
        if (variables == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        boolean ok = true;
        for (YamlMap.Entry v : variables.entries()) {
            if (!VARIABLE_NAME.matcher(v.key()).matches()) {
                problems.error(v.line(), e.path(), "'" + Values.clip(v.key()) + "' is not a variable name:"
                        + " use letters, digits and '_', not starting with a digit (e.g. APP_VERSION)");
                ok = false;
                continue;
            }
            if (!(v.value() instanceof ScalarNode scalar) || Values.isNull(scalar)) {
                // describe() would quote a scalar, but only lists, mappings and empty values get here
                problems.error(v.line(), v.path(), "expected a string value (quote it, e.g. \"1.2.3\"), found "
                        + Values.describe(v.value()));
                ok = false;
                continue;
            }
            if (Masking.isSecretName(v.key())) {
                problems.warn(v.line(), v.path(), "looks like a secret; gitops.yaml is stored in Git in clear text,"
                        + " use a Kubernetes Secret or a Docker secret instead");
            }
            values.put(v.key(), scalar.getValue());
        }
        return ok ? values : null;
    }

    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
