package io.jenkins.plugins.gitops.engine.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content-hash suffix kustomize gives generated ConfigMaps and Secrets ({@code app-config-7h2k9g8f5c}),
 * computed as kustomize's hasher does (api/hasher/hasher.go), so a change of content rolls the pods that use
 * it and the names equal those of {@code kustomize build}.
 *
 * <p>The hashed text is the compact JSON (keys sorted, Go's escaping) of {@code kind}, {@code name},
 * {@code data} and, for a ConfigMap, {@code binaryData} when it is a mapping, for a Secret {@code type} and
 * {@code stringData} when it is a mapping. kustomize looks the name up with a path it never finds, so
 * {@code name} is always {@code ""}; an absent {@code data} or {@code type} is {@code ""}. Other kinds hash
 * their whole manifest.
 */
final class ContentHash {
    private ContentHash() {
    }

    /**
     * Appends the hash to every generated object that wants one, as kustomize's HashTransformer does; the old
     * name is remembered, so that references follow.
     */
    static void applySuffixes(List<WorkingObject> objects) {
        for (WorkingObject object : objects) {
            if (object.needsHashSuffix()) {
                String hash = of(object.manifest());
                object.rememberId();
                object.rename(object.name() + "-" + hash);
            }
        }
    }

    /** Ten characters derived from sha256 of the encoded object. */
    static String of(Map<String, Object> manifest) {
        String hex = sha256(GoJson.write(encoded(manifest)));
        StringBuilder out = new StringBuilder();
        for (char c : hex.substring(0, 10).toCharArray()) {
            out.append(switch (c) {
                case '0' -> 'g';
                case '1' -> 'h';
                case '3' -> 'k';
                case 'a' -> 'm';
                case 'e' -> 't';
                default -> c;
            });
        }
        return out.toString();
    }

    private static Object encoded(Map<String, Object> manifest) {
        Object kind = manifest.get("kind");
        Map<String, Object> m = new TreeMap<>();
        if ("ConfigMap".equals(kind)) {
            m.put("kind", "ConfigMap");
            m.put("name", "");
            m.put("data", orEmpty(manifest.get("data")));
            if (manifest.get("binaryData") instanceof Map<?, ?> binary) {
                m.put("binaryData", binary);
            }
        } else if ("Secret".equals(kind)) {
            m.put("kind", "Secret");
            m.put("name", "");
            m.put("type", orEmpty(manifest.get("type")));
            m.put("data", orEmpty(manifest.get("data")));
            if (manifest.get("stringData") instanceof Map<?, ?> stringData) {
                m.put("stringData", stringData);
            }
        } else {
            return new LinkedHashMap<>(manifest);
        }
        return m;
    }

    private static Object orEmpty(Object value) {
        return value == null ? "" : value;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
