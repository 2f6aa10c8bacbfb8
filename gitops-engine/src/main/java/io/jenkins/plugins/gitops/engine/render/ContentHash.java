package io.jenkins.plugins.gitops.engine.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content-hash suffix kustomize gives generated ConfigMaps and Secrets ({@code app-config-7h2k9g8f5c}),
 * computed the way kustomize does, so a change of content rolls the pods that use it.
 */
final class ContentHash {
    private ContentHash() {
    }

    /** Appends the hash to every generated object that wants one, updating references to it. */
    static void applySuffixes(List<WorkingObject> objects) {
        for (WorkingObject object : List.copyOf(objects)) {
            if (object.needsHashSuffix()) {
                NameTransformer.rename(objects, object, object.name() + "-" + of(object.manifest()));
            }
        }
    }

    /** Ten characters derived from sha256 of kind, name, type and data. */
    static String of(Map<String, Object> manifest) {
        Map<String, Object> encoded = new TreeMap<>();
        encoded.put("kind", manifest.get("kind"));
        encoded.put("name", ((Map<?, ?>) manifest.get("metadata")).get("name"));
        encoded.put("data", manifest.getOrDefault("data", Map.of()));
        if ("Secret".equals(manifest.get("kind"))) {
            encoded.put("type", manifest.getOrDefault("type", "Opaque"));
        } else if (manifest.get("binaryData") instanceof Map<?, ?> binary && !binary.isEmpty()) {
            encoded.put("binaryData", binary);
        }
        String hex = sha256(json(encoded));
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

    /** Compact JSON with sorted keys and Go's escaping (what kustomize hashes). */
    private static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder s = new StringBuilder("{");
            new TreeMap<>(map).forEach((k, v) -> {
                if (s.length() > 1) {
                    s.append(',');
                }
                s.append(json(String.valueOf(k))).append(':').append(json(v));
            });
            return s.append('}').toString();
        }
        StringBuilder s = new StringBuilder("\"");
        for (char c : String.valueOf(value).toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
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
