package io.jenkins.plugins.gitops.engine.diff;

import io.fabric8.kubernetes.api.model.Quantity;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The recursive walk behind {@link Differ}: desired fields against live ones, collecting changes. */
final class FieldComparison {
    /** Keys that identify list elements (containers by name, Swarm mounts by target, ...). */
    private static final List<String> MERGE_KEYS = List.of("name", "Name", "mountPath", "containerPort", "Target",
            "SecretName", "ConfigName", "TargetPort", "port");

    /** Longest string value a {@link FieldChange} carries whole. */
    static final int MAX_SHOWN = 1_024;

    private final ResourceKey key;
    private final List<String> skip;
    private final List<FieldChange> changes = new ArrayList<>();
    /** Pointers of {@code value}s of environment variables with secret-looking names met on the way. */
    private final List<String> secretPointers = new ArrayList<>();

    FieldComparison(ResourceKey key, List<String> skip) {
        this.key = key;
        this.skip = skip;
    }

    List<FieldChange> changes() {
        return changes;
    }

    List<String> pointers() {
        return changes.stream().map(FieldChange::pointer).toList();
    }

    void missing() {
        changes.add(new FieldChange("", "(object)", null));
    }

    @SuppressWarnings("unchecked")
    void compare(String pointer, Object desired, Object live, Object lastApplied) {
        if (desired == null || skipped(pointer) || isEmpty(desired) && isEmpty(live)) {
            return; // an empty map or list in Git equals an absent field: the API server drops both
        }
        if (desired instanceof Map<?, ?> desiredMap) {
            if (!(live instanceof Map<?, ?> liveMap)) {
                change(pointer, desired, live);
                return;
            }
            Map<String, Object> applied = lastApplied instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            if (Redaction.isSecretVariable(desiredMap) || Redaction.isSecretVariable(liveMap)) {
                secretPointers.add(pointer + "/value");
            }
            desiredMap.forEach((k, v) -> compare(pointer + "/" + escape(String.valueOf(k)), v, liveMap.get(k),
                    applied.get(k)));
            applied.forEach((k, v) -> {
                String child = pointer + "/" + escape(k);
                if (desiredMap.get(k) == null && liveMap.get(k) != null && !skipped(child)) {
                    change(child, null, liveMap.get(k));
                }
            });
        } else if (desired instanceof List<?> desiredList) {
            compareList(pointer, desiredList, live, lastApplied);
        } else if (!scalarEquals(pointer, desired, live)) {
            change(pointer, desired, live);
        }
    }

    private void compareList(String pointer, List<?> desired, Object live, Object lastApplied) {
        if (!(live instanceof List<?> liveList) || liveList.size() != desired.size()) {
            change(pointer, desired, live);
            return;
        }
        List<?> applied = lastApplied instanceof List<?> l && l.size() == desired.size() ? l : null;
        String mergeKey = mergeKey(desired);
        for (int i = 0; i < desired.size(); i++) {
            Object d = desired.get(i);
            Object l = mergeKey == null ? liveList.get(i) : findByKey(liveList, mergeKey, ((Map<?, ?>) d).get(mergeKey));
            if (l == null && mergeKey != null) {
                change(pointer, desired, live);
                return;
            }
            compare(pointer + "/" + i, d, l, applied == null ? null : applied.get(i));
        }
    }

    private static String mergeKey(List<?> list) {
        if (list.isEmpty() || !list.stream().allMatch(e -> e instanceof Map)) {
            return null;
        }
        for (String candidate : MERGE_KEYS) {
            if (list.stream().allMatch(e -> ((Map<?, ?>) e).get(candidate) != null)
                    && list.stream().map(e -> ((Map<?, ?>) e).get(candidate)).distinct().count() == list.size()) {
                return candidate;
            }
        }
        return null;
    }

    private static Object findByKey(List<?> live, String mergeKey, Object value) {
        return live.stream().filter(e -> e instanceof Map<?, ?> m && Objects.equals(String.valueOf(m.get(mergeKey)),
                String.valueOf(value))).findFirst().orElse(null);
    }

    private boolean skipped(String pointer) {
        return skip.stream().anyMatch(s -> pointer.equals(s) || pointer.startsWith(s + "/"));
    }

    private void change(String pointer, Object desired, Object live) {
        boolean secretVariable = secretPointers.stream().anyMatch(p -> pointer.equals(p) || pointer.startsWith(p + "/"));
        if (secretVariable || Redaction.isSecret(key) && (pointer.isEmpty() || Redaction.isSecretPointer(key, pointer))) {
            changes.add(new FieldChange(pointer, desired == null ? null : Redaction.REDACTED,
                    live == null ? null : Redaction.REDACTED_CHANGED));
        } else {
            Object[] shown = Redaction.redactPair(pointer, desired, live);
            changes.add(new FieldChange(pointer, abbreviated(shown[0]), abbreviated(shown[1])));
        }
    }

    /**
     * Null, an empty map and an empty list: what the API server omits (Go's {@code omitempty}), so
     * {@code args: []}, {@code nodeSelector: {}} or {@code tolerations: null} in Git match a live object
     * without the field.
     */
    static boolean isEmpty(Object value) {
        return value == null || value instanceof Map<?, ?> m && m.isEmpty() || value instanceof List<?> l && l.isEmpty();
    }

    /** Long strings (a dashboard JSON in a ConfigMap) are shown by their start and length; the unified diff has them whole. */
    private static Object abbreviated(Object value) {
        if (value instanceof String s && s.length() > MAX_SHOWN) {
            return s.substring(0, 80) + "... (" + s.length() + " characters)";
        }
        return value;
    }

    static boolean scalarEquals(String pointer, Object desired, Object live) {
        if (Objects.equals(desired, live)) {
            return true;
        }
        if (live == null) {
            return false;
        }
        if (desired instanceof Number d && live instanceof Number l) {
            return new BigDecimal(d.toString()).compareTo(new BigDecimal(l.toString())) == 0;
        }
        String d = String.valueOf(desired);
        String l = String.valueOf(live);
        if (d.equals(l)) {
            return true;
        }
        return pointer.contains("/resources/") && quantityEquals(d, l);
    }

    private static boolean quantityEquals(String desired, String live) {
        try {
            return Quantity.getAmountInBytes(new Quantity(desired))
                    .compareTo(Quantity.getAmountInBytes(new Quantity(live))) == 0;
        } catch (RuntimeException notAQuantity) {
            return false;
        }
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
