package io.jenkins.plugins.gitops.engine.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The human form of a diff: the fields Git sets, as YAML, live (projected onto those fields) against
 * desired, in unified format. Secret values appear only as redaction markers.
 */
final class UnifiedDiff {
    private UnifiedDiff() {
    }

    static String render(Resource desired, Resource live, List<String> changed, List<String> skip) {
        if (live != null && changed.isEmpty()) {
            return "";
        }
        ResourceKey key = desired.key();
        Map<String, Object> desiredView = Redaction.redact(key, desired.manifest());
        String before = "";
        if (live != null) {
            Object projected = project(desired.manifest(), live.manifest(), "", skip);
            @SuppressWarnings("unchecked")
            Map<String, Object> liveView = projected instanceof Map ? (Map<String, Object>) projected : Map.of();
            liveView = redactLive(key, desired.manifest(), liveView);
            @SuppressWarnings("unchecked")
            Map<String, Object> envRedacted = (Map<String, Object>) Redaction.redactPair("", desired.manifest(), liveView)[1];
            liveView = envRedacted;
            before = yaml(liveView);
        }
        List<String> original = before.isEmpty() ? List.of() : List.of(before.split("\n"));
        List<String> revised = List.of(yaml(desiredView).split("\n"));
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("live/" + key, "desired/" + key, original,
                DiffUtils.diff(original, revised), 3);
        return String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
    }

    /** Live values at the places desired sets a value; ignored places show the desired value (no noise). */
    private static Object project(Object desired, Object live, String pointer, List<String> skip) {
        if (skip.stream().anyMatch(s -> pointer.equals(s) || pointer.startsWith(s + "/"))) {
            return desired;
        }
        if (desired instanceof Map<?, ?> d && live instanceof Map<?, ?> l) {
            Map<String, Object> out = new LinkedHashMap<>();
            d.forEach((k, v) -> {
                if (l.containsKey(k)) {
                    out.put(String.valueOf(k), project(v, l.get(k), pointer + "/" + FieldComparison.escape(String.valueOf(k)), skip));
                } else if (FieldComparison.isEmpty(v)) {
                    out.put(String.valueOf(k), v); // empty in Git, absent live: the same (the server drops empties)
                }
            });
            return out;
        }
        if (desired instanceof List<?> d && live instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                out.add(i < d.size() ? project(d.get(i), l.get(i), pointer + "/" + i, skip) : l.get(i));
            }
            return out;
        }
        if (desired != null && live != null && FieldComparison.scalarEquals(pointer, desired, live)) {
            return desired;
        }
        return live;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> redactLive(ResourceKey key, Map<String, Object> desired, Map<String, Object> live) {
        if (!Redaction.isSecret(key)) {
            return live;
        }
        Map<String, Object> out = new LinkedHashMap<>(live);
        for (String field : List.of("data", "stringData", "Data")) {
            Object l = out.get(field);
            Object d = desired.get(field);
            if (l instanceof Map<?, ?> liveValues) {
                Map<String, Object> masked = new LinkedHashMap<>();
                Map<?, ?> desiredValues = d instanceof Map<?, ?> m ? m : Map.of();
                liveValues.forEach((k, v) -> masked.put(String.valueOf(k),
                        Objects.equals(String.valueOf(v), String.valueOf(desiredValues.get(k)))
                                ? Redaction.REDACTED : Redaction.REDACTED_CHANGED));
                out.put(field, masked);
            } else if (l != null) {
                out.put(field, Objects.equals(l, d) ? Redaction.REDACTED : Redaction.REDACTED_CHANGED);
            }
        }
        return out;
    }

    private static String yaml(Map<String, Object> manifest) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        return new Yaml(options).dump(manifest);
    }
}
