package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.render.TransformerConfig.NameBackReference;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Kustomize's name-reference fix-up, run once after the whole build (api/filters/nameref,
 * api/internal/accumulator/namereferencetransformer.go): wherever an object names another (the
 * {@code nameReference} field specs), a name that an object had before prefixes, suffixes, hashes, patches
 * or the namespace changed it becomes that object's current name; a reference given as a mapping
 * ({@code {name, namespace}}) also gets the object's namespace. Among several objects that once had the name,
 * the one in a compatible namespace and with the same prefixes and suffixes as the referring object wins;
 * if that still leaves several different ones, the reference is ambiguous and the build fails, as in
 * kustomize.
 */
final class NameReferences {
    private NameReferences() {
    }

    static void fix(List<WorkingObject> objects, List<NameBackReference> references) {
        ReferralCandidates snapshot = new ReferralCandidates(objects);
        Map<WorkingObject, List<Filter>> filters = new IdentityHashMap<>();
        List<WorkingObject> order = new ArrayList<>();
        for (NameBackReference reference : references) {
            for (FieldSpec spec : reference.referrers()) {
                for (WorkingObject o : objects) {
                    if (selects(spec.group(), spec.version(), spec.kind(), snapshot.facts(o).original())) {
                        filters.computeIfAbsent(o, k -> {
                            order.add(k);
                            return new ArrayList<>();
                        }).add(new Filter(spec, reference));
                    }
                }
            }
        }
        for (WorkingObject referrer : order) {
            Predicate<WorkingObject> referable = snapshot.referableBy(referrer);
            for (Filter f : filters.get(referrer)) {
                new Fixer(referrer, f, referable, snapshot).run();
            }
        }
    }

    private record Filter(FieldSpec spec, NameBackReference target) {
    }

    static boolean selects(String group, String version, String kind, ResId id) {
        return (group == null || group.isEmpty() || group.equals(id.group()))
                && (version == null || version.isEmpty() || version.equals(id.version()))
                && (kind == null || kind.isEmpty() || kind.equals(id.kind()));
    }

    /** Applies one filter to one referring object (kustomize's nameref.Filter). */
    private record Fixer(WorkingObject referrer, Filter filter, Predicate<WorkingObject> candidates,
            ReferralCandidates snapshot) {
        void run() {
            FieldSpec spec = new FieldSpec(null, null, null, filter.spec().path(), false);
            spec.visit(referrer, FieldSpec.Create.NONE, slot -> {
                Object value = slot.get();
                if (value instanceof List<?> list) {
                    @SuppressWarnings("unchecked")
                    List<Object> items = (List<Object>) list;
                    for (int i = 0; i < items.size(); i++) {
                        Object item = items.get(i);
                        if (item instanceof Map<?, ?> map) {
                            setMapping(cast(map));
                        } else if (item != null) {
                            String renamed = setScalar(String.valueOf(item));
                            if (renamed != null) {
                                items.set(i, renamed);
                            }
                        }
                    }
                } else if (value instanceof Map<?, ?> map) {
                    setMapping(cast(map));
                } else if (value != null) {
                    String renamed = setScalar(String.valueOf(value));
                    if (renamed != null) {
                        slot.set(renamed);
                    }
                }
            });
        }

        /** The new name for a plain name field, or null to leave it. */
        private String setScalar(String oldName) {
            WorkingObject referral = select(oldName, candidates, false);
            if (referral == null) {
                return null;
            }
            return referral.name().equals(oldName) ? null : referral.name();
        }

        private void setMapping(Map<String, Object> node) {
            if (!node.containsKey("name")) {
                throw new InvalidInputException(referrer.source() + ": " + describe(referrer) + " field '"
                        + filter.spec().path() + "' holds a mapping without 'name'; kustomize's name reference"
                        + " configuration expects one there");
            }
            Predicate<WorkingObject> inNamespace = node.containsKey("namespace")
                    ? snapshot.inNamespace(candidates, String.valueOf(node.get("namespace"))) : candidates;
            String oldName = String.valueOf(node.get("name"));
            WorkingObject referral = select(oldName, inNamespace, true);
            if (referral == null) {
                return;
            }
            String namespace = referral.namespace() == null ? "" : referral.namespace();
            if (referral.name().equals(oldName) && namespace.isEmpty()) {
                return;
            }
            node.put("name", referral.name());
            if (!namespace.isEmpty()) {
                node.put("namespace", namespace);
            }
        }

        /** kustomize's selectReferral. */
        private WorkingObject select(String oldName, Predicate<WorkingObject> from, boolean mapping) {
            NameBackReference t = filter.target();
            List<WorkingObject> c = sieve(snapshot.previouslyNamed(oldName), from);
            c = sieve(c, o -> o.previousIds().stream().anyMatch(id -> selects(t.group(), t.version(), t.kind(),
                    new ResId(o.group(), o.version(), id.kind(), id.name(), id.namespace()))));
            c = sieve(c, roleRefFilter());
            c = sieve(c, this::sameNamespaceAsReferrer);
            if (c.size() == 1) {
                return c.get(0);
            }
            c = sieve(c, o -> affixesEqual(o, referrer, true));
            if (c.size() > 1) {
                c = sieve(c, o -> affixesEqual(o, referrer, false));
            }
            if (c.size() == 1) {
                return c.get(0);
            }
            if (c.isEmpty()) {
                return null;
            }
            WorkingObject first = c.get(0);
            if (c.stream().allMatch(o -> o.name().equals(first.name())
                    && (!mapping || String.valueOf(o.namespace()).equals(String.valueOf(first.namespace()))))) {
                return first;
            }
            throw new InvalidInputException(referrer.source() + ": " + describe(referrer) + " refers to '" + oldName
                    + "' in field '" + filter.spec().path() + "', which could be any of "
                    + c.stream().map(NameReferences::describe).collect(Collectors.joining(", "))
                    + " (found multiple possible referrals); give them distinct names or namespaces");
        }

        private Predicate<WorkingObject> roleRefFilter() {
            if (!filter.spec().path().endsWith("roleRef/name")
                    || !(referrer.manifest().get("roleRef") instanceof Map<?, ?> roleRef)
                    || roleRef.get("apiGroup") == null || roleRef.get("kind") == null) {
                return o -> true;
            }
            String group = String.valueOf(roleRef.get("apiGroup"));
            String kind = String.valueOf(roleRef.get("kind"));
            return o -> o.previousIds().stream().anyMatch(id -> selects(group, "", kind,
                    new ResId(o.group(), o.version(), id.kind(), id.name(), id.namespace())));
        }

        private boolean sameNamespaceAsReferrer(WorkingObject o) {
            ReferralCandidates.Facts r = snapshot.facts(referrer);
            ReferralCandidates.Facts f = snapshot.facts(o);
            if (r.clusterScoped() || f.clusterScoped() || "ServiceAccount".equals(o.kind())) {
                return true;
            }
            return r.namespace().equals(f.namespace());
        }
    }

    /** kustomize's PrefixesSuffixesEquals. */
    private static boolean affixesEqual(WorkingObject a, WorkingObject b, boolean allowEmpty) {
        if (allowEmpty) {
            boolean prefixEmpty = a.prefixes().isEmpty() || b.prefixes().isEmpty();
            boolean suffixEmpty = a.suffixes().isEmpty() || b.suffixes().isEmpty();
            return (prefixEmpty || sameEnding(a.prefixes(), b.prefixes()))
                    && (suffixEmpty || sameEnding(a.suffixes(), b.suffixes()));
        }
        return sameEnding(a.prefixes(), b.prefixes()) && sameEnding(a.suffixes(), b.suffixes());
    }

    /** kustomize's SameEndingSubSlice: the shorter list is the tail of the longer one. */
    private static boolean sameEnding(List<String> a, List<String> b) {
        List<String> shortest = a.size() <= b.size() ? a : b;
        List<String> longest = a.size() <= b.size() ? b : a;
        if (shortest.isEmpty()) {
            return longest.isEmpty();
        }
        int diff = longest.size() - shortest.size();
        for (int i = shortest.size() - 1; i >= 0; i--) {
            if (!longest.get(i + diff).equals(shortest.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<WorkingObject> sieve(List<WorkingObject> list, Predicate<WorkingObject> keep) {
        return list.stream().filter(keep).toList();
    }

    static String describe(WorkingObject o) {
        return o.kind() + " '" + o.name() + "'" + (o.namespace() == null ? "" : " in namespace '" + o.namespace() + "'");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
