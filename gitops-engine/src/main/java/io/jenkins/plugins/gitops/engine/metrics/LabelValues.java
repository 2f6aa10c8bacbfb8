package io.jenkins.plugins.gitops.engine.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps metric label values few and harmless. A value is kept when it is a short lower-case slug
 * ({@code [a-z0-9][a-z0-9._-]{0,39}}) that does not look like a commit id and the label has not yet
 * seen {@link #MAX_VALUES} distinct values; otherwise it becomes {@link #OTHER}. Closed labels
 * (status, trigger) accept only their listed values.
 */
final class LabelValues {
    static final String OTHER = "other";
    static final int MAX_VALUES = 50;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
    private static final Pattern COMMIT_LIKE = Pattern.compile("[0-9a-f]{7,64}");

    private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();

    /** The value to record for an open label such as environment, component or reason. */
    String open(String label, String value) {
        if (value == null) {
            return OTHER;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(v).matches() || COMMIT_LIKE.matcher(v).matches()) {
            return OTHER;
        }
        Set<String> values = seen.computeIfAbsent(label, l -> ConcurrentHashMap.newKeySet());
        synchronized (values) {
            if (values.contains(v) || values.size() < MAX_VALUES) {
                values.add(v);
                return v;
            }
        }
        return OTHER;
    }

    /** The value to record for a label with a fixed vocabulary. */
    static String closed(String value, Set<String> allowed) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return allowed.contains(v) ? v : OTHER;
    }
}
