package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.model.Hook;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code metadata.generateName} without {@code metadata.name}: allowed for sync hooks only (Argo CD names
 * such a hook anew for every sync), refused everywhere else, because every sync would create one more copy
 * of an ordinary object and prune could never tell them apart.
 */
final class GenerateNames {
    private GenerateNames() {
    }

    /**
     * For an object without {@code metadata.name}: null when it has no generateName either (the caller reports
     * the missing name), "" when generateName is allowed (a hook), else the problem to report.
     */
    static String check(Map<String, Object> object, String where) {
        if (!(object.get("metadata") instanceof Map<?, ?> metadata)
                || !(metadata.get("generateName") instanceof String prefix) || prefix.isBlank()) {
            return null;
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        if (metadata.get("annotations") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> annotations.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        if (Hook.of(annotations).isHookAnnotated()) {
            return "";
        }
        return where + ": " + object.get("kind") + " with metadata.generateName '" + prefix + "' but no metadata.name:"
                + " generateName is only allowed for sync hooks (annotation " + Hook.ARGOCD_HOOK + " or "
                + Hook.HELM_HOOK + "), since every sync would create another copy; set metadata.name";
    }
}
