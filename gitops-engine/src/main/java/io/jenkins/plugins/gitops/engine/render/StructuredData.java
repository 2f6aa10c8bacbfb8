package io.jenkins.plugins.gitops.engine.render;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A replacement target path that continues inside a string field holding JSON or YAML
 * ({@code data.config\.json.db.host}), as kustomize's setValueInStructuredData does
 * (api/filters/replacement): the text is parsed, the rest of the path set in it, and the text written back
 * as compact JSON with sorted keys (indented by two spaces when the original was indented), or as YAML.
 */
final class StructuredData {
    private StructuredData() {
    }

    /**
     * Sets the value in structured data along {@code parts}, calling {@code setter} for every target slot;
     * false when no string field on the path holds structured data with that path (kustomize then tries
     * the path as an ordinary one).
     */
    @SuppressWarnings("unchecked")
    static boolean set(Map<String, Object> root, List<String> parts, FieldPath.Create create,
            Consumer<FieldSpec.Slot> setter) {
        if (parts.size() < 2) {
            return false;
        }
        for (int i = 1; i < parts.size(); i++) {
            Object value;
            try {
                value = FieldPath.lookup(root, parts.subList(0, i));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (value == null || !Scalars.isScalar(value)) {
                continue;
            }
            String text = Scalars.text(value);
            Object parsed;
            try {
                parsed = SafeYaml.load(text.getBytes(StandardCharsets.UTF_8), "structured data");
            } catch (RuntimeException e) {
                return false;
            }
            if (!(parsed instanceof Map<?, ?> map)) {
                return false;
            }
            List<FieldSpec.Slot> slots;
            try {
                slots = FieldPath.match((Map<String, Object>) map, parts.subList(i, parts.size()), create);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (slots.isEmpty()) {
                return false;
            }
            try {
                slots.forEach(setter);
            } catch (IllegalArgumentException e) {
                return false;
            }
            FieldPath.match(root, parts.subList(0, i), FieldPath.Create.NONE).forEach(s -> s.set(write(map, text)));
            return true;
        }
        return false;
    }

    private static String write(Map<?, ?> data, String original) {
        String trimmed = original.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            boolean pretty = original.contains("\n") && original.contains("  ");
            return pretty ? prettyJson(data, "") : GoJson.write(data);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options).dump(data).strip();
    }

    /** Go's json.MarshalIndent with two spaces: keys sorted, empty objects and arrays as {} and []. */
    private static String prettyJson(Object value, String indent) {
        String inner = indent + "  ";
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            StringBuilder s = new StringBuilder("{\n");
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            int n = 0;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                s.append(inner).append(GoJson.write(e.getKey())).append(": ").append(prettyJson(e.getValue(), inner));
                s.append(++n < sorted.size() ? ",\n" : "\n");
            }
            return s.append(indent).append('}').toString();
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            StringBuilder s = new StringBuilder("[\n");
            for (int i = 0; i < list.size(); i++) {
                s.append(inner).append(prettyJson(list.get(i), inner)).append(i + 1 < list.size() ? ",\n" : "\n");
            }
            return s.append(indent).append(']').toString();
        }
        return GoJson.write(value);
    }
}
