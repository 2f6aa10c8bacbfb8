package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which fields this product set at the last apply, kept on the live object in annotation
 * {@link #ANNOTATION} so the next update removes fields dropped from Git (a three-way merge, as
 * kubectl's {@code last-applied-configuration}) without keeping a copy of the object: the shape of the
 * desired manifest with every value replaced by {@code 0} (maps keep their keys, lists their elements).
 * A 277 KB ConfigMap value costs a few bytes; Secret values never appear.
 * <p>
 * Size is bounded: above {@link #GZIP_ABOVE} bytes the tree is stored gzip-compressed (base64, prefix
 * {@code gz:}); above {@link #MAX_BYTES} the largest subtrees are recorded as whole fields ({@code 0}),
 * which means keys removed from Git inside them are left in place (never removing what is not provably
 * ours), with a warning. Objects still carrying the previous annotation {@link #LEGACY_ANNOTATION} (a full
 * copy) are read through it and lose it at their next update.
 */
final class ManagedFields {
    static final String ANNOTATION = "gitops.jenkins.io/managed-fields";
    /** The full copy of the object written before managed-fields existed; removed when found. */
    static final String LEGACY_ANNOTATION = "gitops.jenkins.io/last-applied";
    static final int GZIP_ABOVE = 4_096;
    static final int MAX_BYTES = 32_768;
    private static final Integer LEAF = 0;
    private static final String GZIP_PREFIX = "gz:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(ManagedFields.class);

    private ManagedFields() {
    }

    /** A copy of the desired manifest carrying the managed-fields annotation (computed without annotations of ours). */
    static Map<String, Object> annotate(Resource desired) {
        Map<String, Object> manifest = desired.mutableManifest();
        Object annotations = Manifests.get(manifest, "metadata", "annotations");
        if (annotations instanceof Map<?, ?> map) {
            map.remove(ANNOTATION);
            map.remove(LEGACY_ANNOTATION);
        }
        Map<String, Object> tree = tree(manifest);
        Manifests.ensureMap(manifest, "metadata", "annotations").put(ANNOTATION, encode(tree, desired.describe()));
        return manifest;
    }

    /**
     * The fields set at the last apply as a tree (maps of field names; lists of element trees; {@code 0}
     * for a value), or null when unknown (an object created by someone else, or an unreadable annotation).
     * From a legacy full copy the tree is derived, plus the legacy annotation itself, so that the next
     * update removes it.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Resource live) {
        Map<String, String> annotations = live.annotations();
        String value = annotations.get(ANNOTATION);
        try {
            if (value != null && !value.isBlank()) {
                return JSON.readValue(decode(value), LinkedHashMap.class);
            }
            String legacy = annotations.get(LEGACY_ANNOTATION);
            if (legacy == null || legacy.isBlank()) {
                return null;
            }
            Map<String, Object> tree = tree(JSON.readValue(legacy, LinkedHashMap.class));
            ((Map<String, Object>) Manifests.ensureMap(tree, "metadata", "annotations")).put(LEGACY_ANNOTATION, LEAF);
            return tree;
        } catch (IOException | RuntimeException e) {
            return null; // edited by hand into something unreadable: fall back to a two-way patch
        }
    }

    /**
     * The shape of a manifest: identity fields (apiVersion, kind, metadata.name/namespace) left out, and
     * empty maps, empty lists and nulls too, as the API server drops them.
     */
    static Map<String, Object> tree(Map<String, Object> manifest) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) shape(manifest);
        if (tree == null) {
            return new LinkedHashMap<>();
        }
        tree.remove("apiVersion");
        tree.remove("kind");
        if (tree.get("metadata") instanceof Map<?, ?> metadata) {
            metadata.remove("name");
            metadata.remove("namespace");
            if (metadata.isEmpty()) {
                tree.remove("metadata");
            }
        }
        return tree;
    }

    private static Object shape(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object child = shape(v);
                if (child != null) {
                    out.put(String.valueOf(k), child);
                }
            });
            return out.isEmpty() ? null : out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(shape(v) == null ? LEAF : shape(v)));
            return out.isEmpty() ? null : out;
        }
        return value == null ? null : LEAF;
    }

    /** The annotation value: JSON, gzip-compressed when large, coarsened until within {@link #MAX_BYTES}. */
    static String encode(Map<String, Object> tree, String object) {
        String json = toJson(tree);
        String encoded = json.length() <= GZIP_ABOVE ? json : smaller(json, GZIP_PREFIX + gzip(json));
        List<String> coarsened = new ArrayList<>();
        while (encoded.length() > MAX_BYTES) {
            String field = coarsenLargest(tree);
            if (field == null) {
                break;
            }
            coarsened.add(field);
            json = toJson(tree);
            encoded = json.length() <= GZIP_ABOVE ? json : smaller(json, GZIP_PREFIX + gzip(json));
        }
        if (!coarsened.isEmpty()) {
            LOG.warn("{}: too many fields to track one by one in annotation {}; {} tracked as a whole: keys removed"
                    + " from Git inside them are left on the object", object, ANNOTATION, String.join(", ", coarsened));
        }
        return encoded;
    }

    /**
     * Coarsens one field: from the top, follows the largest map while its largest child holds more than
     * half of it, and records that map or list as a whole. Returns the field's path, or null when none is left.
     */
    @SuppressWarnings("unchecked")
    private static String coarsenLargest(Map<String, Object> tree) {
        Map<String, Object> parent = tree;
        String path = "";
        while (true) {
            String key = largestChild(parent);
            if (key == null) {
                return null;
            }
            Object child = parent.get(key);
            String childPath = path.isEmpty() ? key : path + "." + key;
            if (child instanceof Map<?, ?> map) {
                String inner = largestChild((Map<String, Object>) map);
                if (inner != null && toJson(map.get(inner)).length() * 2 > toJson(map).length()) {
                    parent = (Map<String, Object>) map;
                    path = childPath;
                    continue;
                }
            }
            parent.put(key, LEAF);
            return childPath;
        }
    }

    /** The key of the largest map or list value, or null when all values are leaves. */
    private static String largestChild(Map<String, Object> map) {
        String largest = null;
        int largestSize = 0;
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                int size = toJson(e.getValue()).length();
                if (size > largestSize) {
                    largestSize = size;
                    largest = e.getKey();
                }
            }
        }
        return largest;
    }

    private static String smaller(String a, String b) {
        return b.length() < a.length() ? b : a;
    }

    private static String decode(String value) throws IOException {
        if (!value.startsWith(GZIP_PREFIX)) {
            return value;
        }
        byte[] compressed = Base64.getDecoder().decode(value.substring(GZIP_PREFIX.length()));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return new String(in.readNBytes(MAX_BYTES * 64), StandardCharsets.UTF_8);
        }
    }

    private static String gzip(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest is not serialisable", e);
        }
    }
}
