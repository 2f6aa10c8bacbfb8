package io.jenkins.plugins.gitops.engine.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where kustomize replaces {@code $(VAR)} (its default varReference field specs,
 * api/internal/konfig/builtinpluginconsts/varreference.go) and how (api/filters/refvar): in a string
 * field, or in each string value of a mapping or list there. {@code $$} stands for a literal {@code $};
 * a field that is exactly {@code $(VAR)} takes the var's value with its type (a number stays a number).
 */
final class VarReferences {
    /** kustomize's default varReference field specs. */
    static final List<FieldSpec> DEFAULTS = defaults();

    private VarReferences() {
    }

    private static List<FieldSpec> defaults() {
        List<FieldSpec> specs = new ArrayList<>();
        Map<String, String> podSpecs = Map.of("CronJob", "spec/jobTemplate/spec/template/spec", "DaemonSet",
                "spec/template/spec", "Deployment", "spec/template/spec", "Job", "spec/template/spec", "Pod", "spec",
                "ReplicaSet", "spec/template/spec", "StatefulSet", "spec/template/spec");
        for (String kind : List.of("CronJob", "DaemonSet", "Deployment", "Job", "Pod", "ReplicaSet", "StatefulSet")) {
            String pod = podSpecs.get(kind);
            for (String containers : List.of("containers", "initContainers")) {
                for (String field : List.of("args", "command", "env/value", "volumeMounts/mountPath")) {
                    specs.add(new FieldSpec(null, null, kind, pod + "/" + containers + "/" + field, false));
                }
            }
            switch (kind) {
                // kustomize's CronJob entry misses the pod spec's "spec/" (kept: it is what kustomize does)
                case "CronJob" -> specs.add(spec(kind, "spec/jobTemplate/spec/template/volumes/nfs/server"));
                case "StatefulSet" -> specs.add(spec(kind, "spec/volumeClaimTemplates/spec/nfs/server"));
                default -> specs.add(spec(kind, pod + "/volumes/nfs/server"));
            }
            if (kind.equals("Deployment")) {
                specs.add(spec(kind, "spec/template/metadata/annotations"));
            }
        }
        specs.add(spec("Ingress", "spec/rules/host"));
        specs.add(spec("Ingress", "spec/tls/hosts"));
        specs.add(spec("Ingress", "spec/tls/secretName"));
        specs.add(spec("Service", "spec/ports/port"));
        specs.add(spec("Service", "spec/ports/targetPort"));
        specs.add(spec("PersistentVolume", "spec/nfs/server"));
        specs.add(FieldSpec.of("metadata/labels", false));
        specs.add(FieldSpec.of("metadata/annotations", false));
        return List.copyOf(specs);
    }

    private static FieldSpec spec(String kind, String path) {
        return new FieldSpec(null, null, kind, path, false);
    }

    /** Replaces vars in the value of one field (refvar's set): a string, or the strings of a mapping or list. */
    @SuppressWarnings("unchecked")
    static void replace(FieldSpec.Slot slot, Map<String, Object> values, Map<String, Integer> counts) {
        Object value = slot.get();
        if (value instanceof String s) {
            slot.set(expand(s, values, counts));
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                if (e.getValue() instanceof String s) {
                    e.setValue(expand(s, values, counts));
                }
            }
        } else if (value instanceof List<?> list) {
            List<Object> l = (List<Object>) list;
            for (int i = 0; i < l.size(); i++) {
                if (!(l.get(i) instanceof String s)) {
                    throw new IllegalArgumentException("invalid value type expect a string (a list item that is not a"
                            + " string)");
                }
                l.set(i, expand(s, values, counts));
            }
        }
    }

    /** kustomize's DoReplacements: {@code $(NAME)} replaced, {@code $$} kept as {@code $}, unknown vars kept. */
    static Object expand(String input, Map<String, Object> values, Map<String, Integer> counts) {
        StringBuilder out = new StringBuilder();
        int checkpoint = 0;
        for (int cursor = 0; cursor < input.length(); cursor++) {
            if (input.charAt(cursor) != '$' || cursor + 1 >= input.length()) {
                continue;
            }
            out.append(input, checkpoint, cursor);
            char next = input.charAt(cursor + 1);
            int advance;
            if (next == '$') {
                out.append('$');
                advance = 1;
            } else if (next == '(') {
                int close = input.indexOf(')', cursor + 2);
                if (close < 0) {
                    out.append("$(");
                    advance = 1;
                } else {
                    String name = input.substring(cursor + 2, close);
                    Object mapped = mapped(name, values, counts);
                    if (input.equals("$(" + name + ")")) {
                        return mapped;
                    }
                    out.append(Scalars.text(mapped));
                    advance = close - cursor;
                }
            } else {
                out.append('$').append(next);
                advance = 1;
            }
            cursor += advance;
            checkpoint = cursor + 1;
        }
        return out.append(input.substring(Math.min(checkpoint, input.length()))).toString();
    }

    private static Object mapped(String name, Map<String, Object> values, Map<String, Integer> counts) {
        if (values.containsKey(name)) {
            Object value = values.get(name);
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                counts.merge(name, 1, Integer::sum);
                return value;
            }
        }
        return "$(" + name + ")";
    }
}
