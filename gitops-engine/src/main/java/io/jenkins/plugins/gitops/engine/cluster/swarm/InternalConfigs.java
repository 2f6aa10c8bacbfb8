package io.jenkins.plugins.gitops.engine.cluster.swarm;

import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's own bookkeeping in a stack (deployment history, environment locks) as Swarm configs.
 * A config is immutable and lives in the managers' Raft store, replicated to every manager, so it
 * survives the loss of any CI server and of any single manager; creating one is atomic, and a second
 * create with the same name is refused (HTTP 409). Every config here is labelled with the stack
 * ({@code com.docker.stack.namespace}, so {@code docker stack rm} removes it with the stack), managed-by,
 * and {@link Labels#INTERNAL}{@code =true}, which {@link SwarmTarget} leaves out of live listings so that
 * drift and prune never see it.
 */
public final class InternalConfigs implements AutoCloseable {
    /** What a bookkeeping config holds: {@code history}, {@code lock} or {@code lock-renewal}. */
    public static final String KIND = "gitops.jenkins.io/internal-kind";
    /** Swarm config names: at most 64 of {@code [a-zA-Z0-9-_.]}, starting and ending alphanumeric. */
    public static final int MAX_NAME = 64;

    private final DockerApi api;
    private final String stack;
    private final boolean ownsApi;

    /** A stored config: its ID (what deletes use), name, labels, decoded data and creation time. */
    public record Config(String id, String name, Map<String, String> labels, String data, Instant createdAt) {
        public String label(String key) {
            return labels.get(key);
        }
    }

    InternalConfigs(DockerApi api, String stack, boolean ownsApi) {
        this.api = api;
        this.stack = stack;
        this.ownsApi = ownsApi;
    }

    /** Its own connection (closed with it): for tools and tests that need no {@link SwarmTarget}. */
    public static InternalConfigs open(SwarmConnection connection, String stack) {
        return new InternalConfigs(new DockerApi(connection), stack, true);
    }

    public String stack() {
        return stack;
    }

    /** {@code Docker Swarm unix:///var/run/docker.sock stack shop}, for messages. */
    public String describe() {
        return "Docker Swarm " + api.host() + " stack " + stack;
    }

    /**
     * {@code <stack>_<head><tail>} as a valid config name: characters outside {@code [a-zA-Z0-9-_.]}
     * become {@code -}; when longer than {@value #MAX_NAME}, the head is cut and an 8-digit hash of it
     * keeps names distinct, while the tail (the unique part: a record id) is kept whole.
     */
    public String name(String head, String tail) {
        String fullHead = sanitize(stack + "_" + head);
        String cleanTail = sanitize(tail);
        if (fullHead.length() + cleanTail.length() <= MAX_NAME) {
            return fullHead + cleanTail;
        }
        int keep = MAX_NAME - cleanTail.length() - 9;
        if (keep < 1) {
            throw new IllegalArgumentException("config name tail '" + tail + "' leaves no room for the stack name");
        }
        return fullHead.substring(0, keep) + "-" + hash(fullHead) + cleanTail;
    }

    /** This stack's internal configs with all of these labels: one list call, filtered by the manager. */
    public List<Config> list(Map<String, String> labels) {
        List<String> filter = new ArrayList<>();
        filter.add(Labels.STACK_NAMESPACE + "=" + stack);
        filter.add(Labels.INTERNAL + "=true");
        labels.forEach((k, v) -> filter.add(k + "=" + v));
        List<Config> configs = new ArrayList<>();
        for (Map<String, Object> c : api.list("/configs?filters=" + DockerApi.filters(Map.of("label", filter)))) {
            configs.add(config(c));
        }
        return configs;
    }

    /**
     * Creates a config unless one of that name exists; the stack, managed-by and internal labels are
     * added. Empty when the name is taken (the loser of a race learns it here).
     */
    public Optional<Config> createUnlessExists(String name, Map<String, String> labels, String data) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(Labels.STACK_NAMESPACE, stack);
        all.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
        all.put(Labels.INTERNAL, "true");
        all.putAll(labels);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("Name", name);
        spec.put("Labels", all);
        spec.put("Data", Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)));
        return api.createUnlessExists("/configs/create", spec).map(created -> new Config(
                String.valueOf(created.get("ID")), name, Map.copyOf(all), data, null));
    }

    /** Removes a config by ID; false when it was already gone (someone else removed it first). */
    public boolean delete(String id) {
        return api.delete("/configs/" + DockerApi.encode(id));
    }

    @Override
    public void close() {
        if (ownsApi) {
            api.close();
        }
    }

    private static Config config(Map<String, Object> c) {
        Map<String, String> labels = new LinkedHashMap<>();
        SwarmTarget.map(Manifests.get(c, "Spec", "Labels")).forEach((k, v) -> labels.put(k, String.valueOf(v)));
        String data = Manifests.string(c, "Spec", "Data");
        String decoded;
        try {
            decoded = data == null ? "" : new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        return new Config(String.valueOf(c.get("ID")), Manifests.string(c, "Spec", "Name"), labels, decoded,
                instant(Manifests.string(c, "CreatedAt")));
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String sanitize(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "-");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
