package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A kustomize selector ({@code types.Selector}: group, version, kind, name, namespace as anchored
 * regular expressions, plus {@code labelSelector} and {@code annotationSelector}), as replacement
 * targets use it. An object is selected when one of its ids (current or previous, so a name given
 * before a prefix still selects) matches, and its labels and annotations match (api/types/selector.go).
 */
record ObjectSelector(ResId id, Pattern group, Pattern version, Pattern kind, Pattern name, Pattern namespace,
        String labels, String annotations, boolean hasLabelOrAnnotationSelector) {
    static final List<String> KEYS = List.of("group", "version", "kind", "name", "namespace", "labelSelector",
            "annotationSelector");

    static ObjectSelector read(YamlFields raw) {
        YamlFields s = GoJsonKeys.canonical(raw, KEYS);
        s.onlyKeys(KEYS);
        ResId id = new ResId(s.string("group"), s.string("version"), s.string("kind"), s.string("name"),
                s.string("namespace"));
        String labels = s.string("labelSelector");
        String annotations = s.string("annotationSelector");
        return new ObjectSelector(id, regex(id.group(), s), regex(id.version(), s), regex(id.kind(), s),
                regex(id.name(), s), regex(id.namespace(), s), labels, annotations,
                labels != null && !labels.isEmpty() || annotations != null && !annotations.isEmpty());
    }

    private static Pattern regex(String field, YamlFields where) {
        if (field.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile("^(?:" + field + ")$");
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException(where.where() + ": '" + field + "' is not a valid regular expression");
        }
    }

    /** The group/version/kind, name and namespace patterns select one of the ids of {@code o}. */
    boolean matchesId(WorkingObject o) {
        return o.ids().stream().anyMatch(this::matches);
    }

    private boolean matches(ResId candidate) {
        return matches(group, candidate.group()) && matches(version, candidate.version())
                && matches(kind, candidate.kind()) && matches(name, candidate.name())
                && matches(namespace, candidate.namespace());
    }

    private static boolean matches(Pattern pattern, String value) {
        return pattern == null || pattern.matcher(value).matches();
    }

    /** Labels and annotations of {@code o} satisfy both selectors. */
    boolean matchesMetadata(WorkingObject o) {
        Map<String, Object> m = o.manifest();
        return LabelSelector.parse(labels, "labelSelector").matches(asMap(Manifests.get(m, "metadata", "labels")))
                && LabelSelector.parse(annotations, "annotationSelector")
                        .matches(asMap(Manifests.get(m, "metadata", "annotations")));
    }

    /** As a {@code select}: ids and metadata match. */
    boolean selects(WorkingObject o) {
        return matchesMetadata(o) && matchesId(o);
    }

    /** As a {@code reject}: its label/annotation selectors match, or its (non-empty) id patterns match. */
    boolean rejects(WorkingObject o) {
        return hasLabelOrAnnotationSelector && matchesMetadata(o) || !id.isEmpty() && matchesId(o);
    }

    private static Map<?, ?> asMap(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }
}
