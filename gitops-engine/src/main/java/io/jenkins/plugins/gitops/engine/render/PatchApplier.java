package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.render.Kustomization.Patch;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Applies one kustomize patch as kustomize's patch transformers do (api/internal/builtins/Patch*.go): a patch
 * with a target applies to every object the target selects, none being no change; a strategic merge patch
 * without target applies to the one object that has, or had, the patch's apiVersion, kind, name and namespace,
 * and finding none (or several) is an error. A patch keeps the object's namespace, and its kind and name
 * unless the entry's {@code options} allow changing them; renames are recorded so that references follow.
 */
final class PatchApplier {
    private PatchApplier() {
    }

    @SuppressWarnings("unchecked")
    static void apply(List<WorkingObject> objects, Patch patch) {
        if (patch.content() instanceof List<?> operations) {
            for (WorkingObject object : objects.stream().filter(patch.target()::matches).toList()) {
                if (patch.source() == Patch.Source.PATCHES) {
                    object.rememberId();
                }
                json6902(object, operations, patch);
            }
            return;
        }
        Map<String, Object> content = (Map<String, Object>) patch.content();
        if (patch.target() != null) {
            List<WorkingObject> selected = objects.stream().filter(patch.target()::matches).toList();
            strategicMerge(objects, selected, content, patch, true);
            return;
        }
        WorkingObject target = byId(objects, content, patch);
        strategicMerge(objects, List.of(target), content, patch, patch.source() == Patch.Source.STRATEGIC_MERGE);
    }

    /** kustomize's ResMap.GetById with the patch's id: exactly one object with that id now or before. */
    private static WorkingObject byId(List<WorkingObject> objects, Map<String, Object> patch, Patch p) {
        ResId id = ResId.of(Manifests.string(patch, "apiVersion"), Manifests.string(patch, "kind"),
                Manifests.string(patch, "metadata", "name"), Manifests.string(patch, "metadata", "namespace"));
        List<WorkingObject> found = objects.stream().filter(o -> o.ids().stream().anyMatch(i -> i.sameAs(id))).toList();
        if (found.size() != 1) {
            String wanted = id.kind() + " '" + id.name() + "'"
                    + (id.namespace().isEmpty() ? "" : " in namespace '" + id.namespace() + "'");
            throw new InvalidInputException(p.origin() + ": patch target " + wanted + (found.isEmpty()
                    ? " not found among the " + objects.size() + " objects of the kustomization (" + describe(objects) + ")"
                    : " matches " + found.size() + " objects (" + describe(found) + ")") + "; a patch without target"
                    + " needs exactly one object with its apiVersion ('" + Manifests.string(patch, "apiVersion")
                    + "'), kind, name and namespace: fix them, or give the patch a target");
        }
        return found.get(0);
    }

    /**
     * kustomize's ResMap.ApplySmPatch ({@code viaResMap}: the patch's labels and annotations become strings and
     * renamed objects may not collide) or Resource.ApplySmPatch.
     */
    private static void strategicMerge(List<WorkingObject> objects, List<WorkingObject> selected,
            Map<String, Object> content, Patch patch, boolean viaResMap) {
        for (WorkingObject object : selected) {
            Map<String, Object> copy = Manifests.mutableCopy(content);
            if (viaResMap) {
                Map<String, Object> metadata = Manifests.ensureMap(copy, "metadata");
                stringify(metadata, "labels");
                stringify(metadata, "annotations");
                copy.put("apiVersion", object.apiVersion());
            }
            String kind = object.kind();
            String name = object.name();
            String namespace = object.namespace();
            if (patch.allowNameChange() || patch.allowKindChange()) {
                object.rememberId();
            }
            Map<String, Object> patched;
            try {
                patched = StrategicMerge.apply(object.manifest(), copy);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(patch.origin() + ": cannot patch " + object.describe() + ": "
                        + e.getMessage());
            }
            if (patched == null || patched.isEmpty()) {
                objects.remove(object);
                continue;
            }
            if (!patch.allowKindChange()) {
                patched.put("kind", kind);
            }
            Map<String, Object> metadata = Manifests.ensureMap(patched, "metadata");
            if (!patch.allowNameChange()) {
                metadata.put("name", name);
            }
            if (namespace == null || namespace.isEmpty()) {
                metadata.remove("namespace");
            } else {
                metadata.put("namespace", namespace);
            }
            object.replaceManifest(patched);
        }
        if (viaResMap) {
            requireUniqueIds(objects, patch.origin());
        }
    }

    private static void json6902(WorkingObject object, List<?> operations, Patch patch) {
        Object patched;
        try {
            patched = JsonPatch.apply(withAnnotationsMap(object.manifest()), operations);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(patch.origin() + ": JSON6902 patch " + e.getMessage() + " in "
                    + object.describe() + "; check the patch path against the object");
        }
        if (!(patched instanceof Map<?, ?> map)) {
            throw new InvalidInputException(patch.origin() + ": the patch turns " + object.describe()
                    + " into something that is not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) map;
        if (m.get("metadata") instanceof Map<?, ?> metadata && metadata.get("annotations") instanceof Map<?, ?> a
                && a.isEmpty()) {
            metadata.remove("annotations");
        }
        object.replaceManifest(m);
    }

    /**
     * A copy of the object whose {@code metadata.annotations} exists (empty when it had none). During a build
     * kustomize keeps its internal {@code config.kubernetes.io/*} annotations on every object, so a JSON6902
     * {@code add /metadata/annotations/x} finds its parent there although the input had no annotations (checked
     * with kustomize v5.5: the same patch on {@code /metadata/labels/x} fails). Emptied again afterwards.
     */
    private static Map<String, Object> withAnnotationsMap(Map<String, Object> manifest) {
        Map<String, Object> copy = new LinkedHashMap<>(manifest);
        if (copy.get("metadata") instanceof Map<?, ?> metadata && !metadata.containsKey("annotations")) {
            Map<String, Object> m = new LinkedHashMap<>();
            metadata.forEach((k, v) -> m.put(String.valueOf(k), v));
            m.put("annotations", new LinkedHashMap<String, Object>());
            copy.put("metadata", m);
        }
        return copy;
    }

    /** Labels or annotations as kustomize's SetLabels/SetAnnotations write them: strings, none when empty. */
    static void stringify(Map<String, Object> metadata, String field) {
        if (!(metadata.get(field) instanceof Map<?, ?> values)) {
            return;
        }
        if (values.isEmpty()) {
            metadata.remove(field);
            return;
        }
        Map<String, Object> strings = new TreeMap<>();
        values.forEach((k, v) -> strings.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        metadata.put(field, strings);
    }

    /** kustomize's ResMap.Append check: no two objects may have the same id. */
    static void requireUniqueIds(List<WorkingObject> objects, String where) {
        Set<String> seen = new HashSet<>();
        for (WorkingObject o : objects) {
            if (!seen.add(ResId.of(o).key())) {
                throw new InvalidInputException(where + ": two objects are now " + o.kind() + " '" + o.name() + "'"
                        + (o.namespace() == null ? "" : " in namespace '" + o.namespace() + "'")
                        + " (may not add resource with an already registered id); rename one of them");
            }
        }
    }

    private static String describe(List<WorkingObject> objects) {
        String listed = objects.stream().limit(8).map(o -> o.kind() + " '" + o.name() + "'")
                .collect(Collectors.joining(", "));
        return objects.size() > 8 ? listed + ", ..." : listed;
    }
}
