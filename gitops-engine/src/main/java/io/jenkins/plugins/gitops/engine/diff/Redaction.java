package io.jenkins.plugins.gitops.engine.diff;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Masking;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which values are secret and how they are shown: Kubernetes Secret {@code data}/{@code stringData},
 * Swarm secret {@code Data}, and environment entries whose names look secret
 * ({@link Masking#isSecretName}): container {@code env} entries {@code {name, value}} and Swarm
 * {@code Env} entries {@code NAME=value} (compose {@code environment}). A secret value is never shown,
 * only whether it changed. {@link #secretValues} hands the values to {@link Masking}, which masks them
 * wherever else they might appear.
 */
public final class Redaction {
    public static final String REDACTED = "<redacted>";
    public static final String REDACTED_CHANGED = "<redacted, differs>";

    private static final List<String> SECRET_ROOTS = List.of("/data", "/stringData", "/Data");
    private static final Set<String> ENV_KEYS = Set.of("env", "Env");

    private Redaction() {
    }

    public static boolean isSecret(ResourceKey key) {
        return key.kind().equals("Secret");
    }

    /** Whether the value at this pointer of an object of this kind is secret. */
    public static boolean isSecretPointer(ResourceKey key, String pointer) {
        return isSecret(key) && SECRET_ROOTS.stream().anyMatch(root -> pointer.equals(root) || pointer.startsWith(root + "/"));
    }

    /** A container environment variable ({@code name} plus {@code value} or {@code valueFrom}) with a secret-looking name. */
    public static boolean isSecretVariable(Map<?, ?> map) {
        return map.get("name") instanceof String name && Masking.isSecretName(name)
                && (map.containsKey("value") || map.containsKey("valueFrom"));
    }

    /** The name of a {@code NAME=value} environment entry when it looks secret, else null. */
    static String secretEntryName(Object entry) {
        if (!(entry instanceof String text) || text.indexOf('=') <= 0) {
            return null;
        }
        String name = text.substring(0, text.indexOf('='));
        return Masking.isSecretName(name) ? name : null;
    }

    /** A copy of a manifest with every secret value replaced by {@link #REDACTED}. */
    public static Map<String, Object> redact(ResourceKey key, Map<String, Object> manifest) {
        Map<String, Object> copy = Manifests.mutableCopy(manifest);
        if (isSecret(key)) {
            for (String field : List.of("data", "stringData", "Data")) {
                Object value = copy.get(field);
                if (value instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> values = (Map<String, Object>) map;
                    values.replaceAll((k, v) -> REDACTED);
                } else if (value != null) {
                    copy.put(field, REDACTED);
                }
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) walk(copy, null, null, false);
        return out;
    }

    /**
     * The desired and live values of a difference at {@code pointer}, secret environment values
     * redacted: desired ones as {@link #REDACTED}, live ones as {@link #REDACTED} when equal to the
     * desired value and {@link #REDACTED_CHANGED} otherwise. Element 0 is desired, 1 live.
     */
    public static Object[] redactPair(String pointer, Object desired, Object live) {
        String key = containerKey(pointer);
        return new Object[] {walk(desired, key, null, false), walk(live, key, desired, true)};
    }

    /**
     * @param containerKey the key the node sits under (for list items: the list's key)
     * @param counterpart  for live nodes: the desired node at the same place, to tell "differs" apart
     */
    private static Object walk(Object node, String containerKey, Object counterpart, boolean live) {
        if (node instanceof Map<?, ?> map) {
            Map<?, ?> other = counterpart instanceof Map<?, ?> m ? m : Map.of();
            boolean secret = isSecretVariable(map);
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String name = String.valueOf(k);
                if (secret && name.equals("value") && v != null) {
                    out.put(name, !live ? REDACTED : isSecretVariable(other) && Objects.equals(map.get("name"),
                            other.get("name")) && Objects.equals(v, other.get("value")) ? REDACTED : REDACTED_CHANGED);
                } else {
                    out.put(name, walk(v, name, other.get(k), live));
                }
            });
            return out;
        }
        if (node instanceof List<?> list) {
            List<?> other = counterpart instanceof List<?> l ? l : List.of();
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                out.add(walk(item, containerKey, counterpartItem(item, other, i), live));
            }
            return out;
        }
        if (ENV_KEYS.contains(containerKey)) {
            String name = secretEntryName(node);
            if (name != null) {
                return name + "=" + (!live || Objects.equals(node, counterpart) ? REDACTED : REDACTED_CHANGED);
            }
        }
        return node;
    }

    /** The desired element a live list element compares with: same env name or entry, else same index. */
    private static Object counterpartItem(Object item, List<?> desired, int index) {
        if (item instanceof Map<?, ?> map && map.get("name") != null) {
            return desired.stream().filter(d -> d instanceof Map<?, ?> m && Objects.equals(m.get("name"), map.get("name")))
                    .findFirst().orElse(null);
        }
        String name = secretEntryName(item);
        if (name != null) {
            return desired.stream().filter(d -> d instanceof String s && s.startsWith(name + "=")).findFirst().orElse(null);
        }
        return index < desired.size() ? desired.get(index) : null;
    }

    /** The key a value at this pointer sits under: the last segment, or the list's key for a list index. */
    private static String containerKey(String pointer) {
        List<String> parts = List.of(pointer.split("/", -1));
        for (int i = parts.size() - 1; i > 0; i--) {
            if (!parts.get(i).matches("\\d+")) {
                return parts.get(i).replace("~1", "/").replace("~0", "~");
            }
        }
        return null;
    }

    /**
     * Every secret value of an object, desired or live: Secret data (as written and base64-decoded),
     * and the values of environment entries with secret-looking names, so {@link Masking} can mask
     * them wherever they might appear.
     */
    public static Set<String> secretValues(Resource resource) {
        Set<String> values = new LinkedHashSet<>();
        if (isSecret(resource.key())) {
            for (String field : List.of("data", "stringData")) {
                if (resource.manifest().get(field) instanceof Map<?, ?> data) {
                    for (Object v : data.values()) {
                        if (v != null) {
                            values.add(String.valueOf(v));
                            if (field.equals("data")) {
                                decoded(String.valueOf(v)).ifPresent(values::add);
                            }
                        }
                    }
                }
            }
        }
        collect(resource.manifest(), null, values);
        return values;
    }

    private static void collect(Object node, String containerKey, Set<String> values) {
        if (node instanceof Map<?, ?> map) {
            if (isSecretVariable(map) && map.get("value") != null) {
                values.add(String.valueOf(map.get("value")));
            }
            map.forEach((k, v) -> collect(v, String.valueOf(k), values));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, containerKey, values));
        } else if (ENV_KEYS.contains(containerKey) && secretEntryName(node) != null) {
            String entry = (String) node;
            values.add(entry.substring(entry.indexOf('=') + 1));
        }
    }

    private static java.util.Optional<String> decoded(String base64) {
        try {
            return java.util.Optional.of(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return java.util.Optional.empty();
        }
    }
}
