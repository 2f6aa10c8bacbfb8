package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which objects a kustomize patch applies to: any of group, version, kind, name (a regular expression,
 * as in kustomize), namespace, and label/annotation selectors ({@code a=b,c!=d,e}).
 */
record PatchTarget(String group, String version, String kind, Pattern name, String namespace, String labelSelector,
        String annotationSelector) {

    static PatchTarget read(YamlFields t) {
        t.onlyKeys(List.of("group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"));
        String name = t.string("name");
        try {
            return new PatchTarget(t.string("group"), t.string("version"), t.string("kind"),
                    name == null ? null : Pattern.compile(name), t.string("namespace"), t.string("labelSelector"),
                    t.string("annotationSelector"));
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException(t.where() + ": name '" + name + "' is not a valid regular expression");
        }
    }

    boolean matches(WorkingObject object) {
        return (group == null || group.equals(object.group()))
                && (version == null || version.equals(object.version()))
                && (kind == null || kind.equals(object.kind()))
                && (name == null || name.matcher(object.name()).matches() || object.isCalled(name.pattern()))
                && (namespace == null || namespace.equals(object.namespace() == null ? "" : object.namespace()))
                && selects(labelSelector, object.manifest(), "labels")
                && selects(annotationSelector, object.manifest(), "annotations");
    }

    private static boolean selects(String selector, Map<String, Object> manifest, String field) {
        if (selector == null || selector.isBlank()) {
            return true;
        }
        Object metadata = manifest.get("metadata");
        Object values = metadata instanceof Map<?, ?> m ? m.get(field) : null;
        Map<?, ?> actual = values instanceof Map<?, ?> v ? v : Map.of();
        for (String term : selector.split(",")) {
            String t = term.trim();
            if (t.contains("!=")) {
                String[] kv = t.split("!=", 2);
                if (kv[1].trim().equals(String.valueOf(actual.get(kv[0].trim())))) {
                    return false;
                }
            } else if (t.contains("=")) {
                String[] kv = t.replace("==", "=").split("=", 2);
                if (!kv[1].trim().equals(String.valueOf(actual.get(kv[0].trim())))) {
                    return false;
                }
            } else if (t.startsWith("!")) {
                if (actual.containsKey(t.substring(1))) {
                    return false;
                }
            } else if (!actual.containsKey(t)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (kind != null) {
            s.append(kind);
        }
        if (name != null) {
            s.append(" '").append(name.pattern()).append("'");
        }
        if (namespace != null) {
            s.append(" in namespace '").append(namespace).append("'");
        }
        if (labelSelector != null) {
            s.append(" with labels ").append(labelSelector);
        }
        return s.length() == 0 ? "every object" : s.toString().trim();
    }
}
