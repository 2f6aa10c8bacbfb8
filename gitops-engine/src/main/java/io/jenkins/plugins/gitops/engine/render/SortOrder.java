package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kustomize {@code sortOptions}: the order of the objects a build prints. {@code fifo} keeps the order
 * in which resources were listed; {@code legacy} (what {@code kustomize build} does when nothing is
 * said) sorts by kind, with {@code orderFirst} kinds first and {@code orderLast} kinds last, then by
 * group/version/kind, namespace and name. Only the sortOptions of the kustomization that is built
 * counts; those of bases are ignored, as in kustomize (api/internal/builtins/SortOrderTransformer.go).
 */
record SortOrder(boolean legacy, List<String> orderFirst, List<String> orderLast) {
    /** kustomize's defaultOrderFirst. */
    static final List<String> DEFAULT_FIRST = List.of("Namespace", "ResourceQuota", "StorageClass",
            "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding",
            "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service", "LimitRange", "PriorityClass",
            "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob",
            "PodDisruptionBudget");
    /** kustomize's defaultOrderLast. */
    static final List<String> DEFAULT_LAST = List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

    /** The order {@code kustomize build} uses without sortOptions (its {@code --reorder legacy} default). */
    static final SortOrder DEFAULT = new SortOrder(true, DEFAULT_FIRST, DEFAULT_LAST);

    /** The sortOptions of a kustomization file, or null when it has none. */
    static SortOrder read(YamlFields f) {
        YamlFields o = f.object("sortOptions");
        if (o == null) {
            return null;
        }
        o.onlyKeys(List.of("order", "legacySortOptions"));
        String order = o.string("order");
        YamlFields legacyOptions = o.object("legacySortOptions");
        if (!"fifo".equals(order) && !"legacy".equals(order)) {
            throw new InvalidInputException(o.where() + ": the field 'sortOptions.order' must be one of"
                    + " [fifo, legacy]");
        }
        if (order.equals("fifo")) {
            if (legacyOptions != null) {
                throw new InvalidInputException(o.where() + ": the field 'sortOptions.legacySortOptions' is set but the"
                        + " selected sort order is 'fifo', not 'legacy'");
            }
            return new SortOrder(false, List.of(), List.of());
        }
        if (legacyOptions == null) {
            return DEFAULT;
        }
        legacyOptions.onlyKeys(List.of("orderFirst", "orderLast"));
        return new SortOrder(true, legacyOptions.strings("orderFirst"), legacyOptions.strings("orderLast"));
    }

    /** The objects in this order (a new list; fifo returns them as they are). */
    List<WorkingObject> sort(List<WorkingObject> objects) {
        List<WorkingObject> sorted = new ArrayList<>(objects);
        if (!legacy) {
            return sorted;
        }
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < orderFirst.size(); i++) {
            rank.put(orderFirst.get(i), i - orderFirst.size());
        }
        for (int i = 0; i < orderLast.size(); i++) {
            rank.put(orderLast.get(i), i + 1);
        }
        Comparator<WorkingObject> byKind = (a, b) -> {
            int ra = rank.getOrDefault(a.kind(), 0);
            int rb = rank.getOrDefault(b.kind(), 0);
            if (ra != rb) {
                return Integer.compare(ra, rb);
            }
            int c = gvk(a).compareTo(gvk(b));
            boolean namespaces = "Namespace".equals(a.kind()) && "Namespace".equals(b.kind())
                    && (a.group().isEmpty() || b.group().isEmpty());
            return namespaces ? -c : c;
        };
        // stable, like Go's sort.Sort is not: kustomize's ties only happen for identical ids, which cannot coexist
        sorted.sort(byKind.thenComparing(SortOrder::id));
        return sorted;
    }

    private static String gvk(WorkingObject o) {
        return (o.group().isEmpty() ? "~G" : o.group()) + "_" + (o.version().isEmpty() ? "~V" : o.version()) + "_"
                + (o.kind() == null ? "~K" : o.kind());
    }

    /** kustomize's legacyResIDSortString: group/version/kind as ResId prints it, namespace, name. */
    private static String id(WorkingObject o) {
        String ns = o.namespace() == null || o.namespace().isEmpty() ? "~X" : o.namespace();
        return ResId.of(o).gvkString() + "|" + ns + "|" + o.name();
    }
}
