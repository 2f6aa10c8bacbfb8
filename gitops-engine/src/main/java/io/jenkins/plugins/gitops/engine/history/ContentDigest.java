package io.jenkins.plugins.gitops.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of what Git rendered for an environment: {@code sha256:<hex>} of the canonical JSON
 * (map keys sorted) of every object, objects sorted by their key. Two deployments with equal digests
 * run the same release, whatever their revisions; the order of files and keys in Git does not matter.
 * Computed from the rendered state, before a target adds its labels, so it does not change when the
 * engine's labelling does. The digest reveals nothing about the values it covers.
 */
public final class ContentDigest {
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ContentDigest() {
    }

    public static String of(DesiredState rendered) {
        List<Resource> sorted = rendered.resources().stream().sorted(Comparator.comparing(Resource::key)).toList();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Resource r : sorted) {
                sha.update(r.key().toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(CANONICAL.writeValueAsBytes(r.manifest()));
                sha.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot digest the desired state of " + rendered.environment(), e);
        }
    }
}
