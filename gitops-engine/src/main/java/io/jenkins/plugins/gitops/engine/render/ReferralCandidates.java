package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The objects a name reference may point to, as kustomize's name-reference fix-up selects them
 * (SubsetThatCouldBeReferencedByResource, filterMapCandidatesByNamespace): per object its original id, its
 * namespace as kustomize compares it now and originally, and its scope, computed once (names and namespaces
 * do not change during the fix-up), plus the objects by every name they had before.
 */
final class ReferralCandidates {
    /** What the fix-up needs of one object. */
    record Facts(ResId original, String namespace, String originalNamespace, boolean clusterScoped) {
    }

    private final List<WorkingObject> objects;
    private final Map<WorkingObject, Facts> facts = new IdentityHashMap<>();
    private final Map<String, List<WorkingObject>> byPreviousName = new HashMap<>();

    ReferralCandidates(List<WorkingObject> objects) {
        this.objects = objects;
        for (WorkingObject o : objects) {
            ResId original = o.originalId();
            facts.put(o, new Facts(original, ResId.of(o).effectiveNamespace(), original.effectiveNamespace(),
                    o.isClusterScoped()));
            for (ResId id : o.previousIds()) {
                List<WorkingObject> named = byPreviousName.computeIfAbsent(id.name(), k -> new ArrayList<>());
                if (named.isEmpty() || named.get(named.size() - 1) != o) {
                    named.add(o);
                }
            }
        }
    }

    Facts facts(WorkingObject o) {
        return facts.get(o);
    }

    /** Objects that once had {@code name}, in build order. */
    List<WorkingObject> previouslyNamed(String name) {
        return byPreviousName.getOrDefault(name, List.of());
    }

    /** kustomize's SubsetThatCouldBeReferencedByResource, as a test. */
    Predicate<WorkingObject> referableBy(WorkingObject referrer) {
        Facts r = facts(referrer);
        if (r.clusterScoped()) {
            return o -> true;
        }
        Set<String> bindingNamespaces = new HashSet<>();
        if ("RoleBinding".equals(referrer.kind())) {
            for (Map<String, Object> subject : Values.maps(referrer.manifest().get("subjects"))) {
                if ("ServiceAccount".equals(subject.get("kind")) && subject.containsKey("namespace")) {
                    if (!(subject.get("namespace") instanceof String namespace)) {
                        throw new InvalidInputException(referrer.source() + ": " + NameReferences.describe(referrer) + " has a"
                                + " ServiceAccount subject '" + subject.get("name") + "' with a blank namespace;"
                                + " give the namespace or remove the 'namespace:' line");
                    }
                    bindingNamespaces.add(namespace);
                }
            }
        }
        return o -> {
            Facts f = facts(o);
            return f.clusterScoped() || f.namespace().equals(r.namespace())
                    || bindingNamespaces.contains(o.namespace() == null ? "" : o.namespace());
        };
    }

    /**
     * kustomize's filterMapCandidatesByNamespace: referable objects whose original namespace is
     * {@code namespace}, or if there are none, whose current namespace is.
     */
    Predicate<WorkingObject> inNamespace(Predicate<WorkingObject> referable, String namespace) {
        boolean anyOriginal = objects.stream().anyMatch(o -> referable.test(o) && !facts(o).clusterScoped()
                && facts(o).originalNamespace().equals(namespace));
        return o -> referable.test(o) && !facts(o).clusterScoped() && (anyOriginal
                ? facts(o).originalNamespace().equals(namespace) : facts(o).namespace().equals(namespace));
    }
}
