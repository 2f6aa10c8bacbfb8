package io.jenkins.plugins.gitops.engine.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kustomize reads its files through Go's encoding/json, which matches keys to fields ignoring case
 * ({@code fieldpath} is {@code fieldPath}). This renames such keys to the spelling the engine reads, so
 * that what kustomize accepts is accepted; keys that match nothing are left for the caller to refuse.
 */
final class GoJsonKeys {
    private GoJsonKeys() {
    }

    /** {@code f} with keys that equal one of {@code known} ignoring case spelled as in {@code known}. */
    static YamlFields canonical(YamlFields f, List<String> known) {
        Map<String, Object> raw = f.raw();
        boolean changed = false;
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            String key = e.getKey();
            String canonical = known.contains(key) ? key
                    : known.stream().filter(k -> k.equalsIgnoreCase(key) && !raw.containsKey(k)).findFirst()
                            .orElse(key);
            changed |= !canonical.equals(key);
            out.put(canonical, e.getValue());
        }
        return changed ? new YamlFields(out, f.where()) : f;
    }
}
