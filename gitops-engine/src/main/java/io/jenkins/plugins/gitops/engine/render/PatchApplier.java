package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.engine.render.Kustomization.Patch;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies one kustomize patch to the objects it targets. A patch that finds no object is an error
 * (it almost always means a misspelt name), and so is a JSON6902 operation on a missing path.
 */
final class PatchApplier {
    private PatchApplier() {
    }

    @SuppressWarnings("unchecked")
    static void apply(List<WorkingObject> objects, Patch patch) {
        List<WorkingObject> targets = targets(objects, patch);
        for (WorkingObject object : targets) {
            if (patch.content() instanceof List<?> operations) {
                Object patched;
                try {
                    patched = JsonPatch.apply(object.manifest(), operations);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(patch.origin() + ": JSON6902 patch " + e.getMessage() + " in "
                            + object.describe() + "; check the patch path against the object");
                }
                if (!(patched instanceof Map<?, ?> map)) {
                    throw new InvalidInputException(patch.origin() + ": the patch turns " + object.describe()
                            + " into something that is not an object");
                }
                object.replaceManifest((Map<String, Object>) map);
            } else {
                Map<String, Object> patched = StrategicMerge.apply(object.manifest(),
                        (Map<String, Object>) patch.content());
                if (patched == null) {
                    objects.remove(object);
                } else {
                    keepIdentity(object.manifest(), patched);
                    object.replaceManifest(patched);
                }
            }
        }
    }

    /** A patch changes content, never which object it is: kind, apiVersion, name and namespace stay. */
    private static void keepIdentity(Map<String, Object> original, Map<String, Object> patched) {
        patched.put("apiVersion", original.get("apiVersion"));
        patched.put("kind", original.get("kind"));
        Map<String, Object> metadata = Manifests.ensureMap(patched, "metadata");
        metadata.put("name", Manifests.get(original, "metadata", "name"));
        Object namespace = Manifests.get(original, "metadata", "namespace");
        if (namespace == null) {
            metadata.remove("namespace");
        } else {
            metadata.put("namespace", namespace);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<WorkingObject> targets(List<WorkingObject> objects, Patch patch) {
        List<WorkingObject> found;
        String wanted;
        if (patch.target() != null) {
            found = objects.stream().filter(patch.target()::matches).toList();
            wanted = patch.target().toString();
        } else {
            Map<String, Object> p = (Map<String, Object>) patch.content();
            String kind = Manifests.string(p, "kind");
            String name = Manifests.string(p, "metadata", "name");
            String namespace = Manifests.string(p, "metadata", "namespace");
            String apiVersion = Manifests.string(p, "apiVersion");
            found = objects.stream().filter(o -> kind.equals(o.kind()) && o.isCalled(name)
                    && (namespace == null || namespace.equals(o.namespace()))
                    && (apiVersion == null || ResourceKey.groupOf(apiVersion).equals(o.group()))).toList();
            wanted = kind + " '" + name + "'" + (namespace == null ? "" : " in namespace '" + namespace + "'");
            if (found.size() > 1) {
                throw new InvalidInputException(patch.origin() + ": patch for " + wanted + " matches "
                        + found.size() + " objects (" + describe(found) + "); add metadata.namespace to the patch");
            }
        }
        if (found.isEmpty()) {
            throw new InvalidInputException(patch.origin() + ": patch target " + wanted + " not found among the "
                    + objects.size() + " objects of the kustomization (" + describe(objects)
                    + "); check kind and name");
        }
        return found;
    }

    private static String describe(List<WorkingObject> objects) {
        String listed = objects.stream().limit(8).map(o -> o.kind() + " '" + o.name() + "'")
                .collect(Collectors.joining(", "));
        return objects.size() > 8 ? listed + ", ..." : listed;
    }
}
