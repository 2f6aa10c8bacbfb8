package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which objects a kustomize patch applies to (kustomize's Selector, api/types/selector.go and ResMap.Select):
 * group, version, kind, name and namespace are whole-value regular expressions; name and namespace may match
 * the object's current or original values (the namespace as kustomize compares it, {@code default} for none);
 * label and annotation selectors use Kubernetes' selector syntax ({@link LabelSelector}).
 */
record PatchTarget(Pattern group, Pattern version, Pattern kind, Pattern name, Pattern namespace, String labelSelector,
        String annotationSelector) {

    static PatchTarget read(YamlFields t) {
        t.onlyKeys(List.of("group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"));
        return new PatchTarget(regex(t, "group"), regex(t, "version"), regex(t, "kind"), regex(t, "name"),
                regex(t, "namespace"), t.string("labelSelector"), t.string("annotationSelector"));
    }

    private static Pattern regex(YamlFields t, String key) {
        String value = t.string(key);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile("^(?:" + value + ")$");
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException(t.where() + ": " + key + " '" + value + "' is not a valid regular expression");
        }
    }

    boolean matches(WorkingObject object) {
        ResId current = ResId.of(object);
        ResId original = object.originalId();
        return (namespace == null || namespace.matcher(original.effectiveNamespace()).matches()
                || namespace.matcher(current.effectiveNamespace()).matches())
                && (name == null || name.matcher(original.name()).matches() || name.matcher(current.name()).matches())
                && (group == null || group.matcher(current.group()).matches())
                && (version == null || version.matcher(current.version()).matches())
                && (kind == null || kind.matcher(current.kind()).matches())
                && LabelSelector.parse(labelSelector, "labelSelector").matches(field(object, "labels"))
                && LabelSelector.parse(annotationSelector, "annotationSelector").matches(field(object, "annotations"));
    }

    private static Map<?, ?> field(WorkingObject object, String name) {
        Object metadata = object.manifest().get("metadata");
        Object values = metadata instanceof Map<?, ?> m ? m.get(name) : null;
        return values instanceof Map<?, ?> v ? v : Map.of();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        append(s, "group", group);
        append(s, "version", version);
        append(s, "kind", kind);
        append(s, "name", name);
        append(s, "namespace", namespace);
        if (labelSelector != null) {
            s.append(" labelSelector ").append(labelSelector);
        }
        if (annotationSelector != null) {
            s.append(" annotationSelector ").append(annotationSelector);
        }
        return s.length() == 0 ? "every object" : s.toString().trim();
    }

    private static void append(StringBuilder s, String label, Pattern p) {
        if (p != null) {
            String pattern = p.pattern();
            s.append(' ').append(label).append(" '").append(pattern, 4, pattern.length() - 2).append("'");
        }
    }
}
