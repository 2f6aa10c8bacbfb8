package io.jenkins.plugins.gitops.engine.render.compose;

import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Swarm object vocabulary of rendered stacks: group {@code swarm}, kinds Service, Network,
 * Config and Secret, names {@code <stack>_<name>}, and a manifest of the shape
 * {@code {metadata: {name, labels}, Spec: <Docker Engine API spec>}}. {@code metadata} mirrors the
 * spec's name and labels so generic code (prune, policies) reads labels the Kubernetes way.
 */
public final class StackObjects {
    public static final String GROUP = "swarm";
    public static final String API_VERSION = "swarm/v1";
    public static final String SERVICE = "Service";
    public static final String NETWORK = "Network";
    public static final String CONFIG = "Config";
    public static final String SECRET = "Secret";
    /** Service label {@code docker stack deploy} sets to the image reference. */
    public static final String STACK_IMAGE = "com.docker.stack.image";
    /**
     * Label holding a content hash on configs and secrets whose compose file gives an explicit
     * {@code name:} (the name is then used as written, so new content must show elsewhere; the
     * daemon never returns secret data).
     */
    public static final String CONTENT_HASH = "gitops.jenkins.io/content-hash";

    private StackObjects() {
    }

    /** Labels every object of an environment's stack carries. */
    public static Map<String, String> baseLabels(String stack, String environment) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.STACK_NAMESPACE, stack);
        labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
        labels.put(Labels.ENVIRONMENT, environment);
        return labels;
    }

    /** A Swarm resource whose manifest is {@code {metadata, Spec}}; the spec must hold Name and Labels. */
    @SuppressWarnings("unchecked")
    public static Resource resource(String kind, Map<String, Object> spec, String source) {
        String name = String.valueOf(spec.get("Name"));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("labels", new LinkedHashMap<>((Map<String, Object>) spec.getOrDefault("Labels", Map.of())));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("metadata", metadata);
        manifest.put("Spec", spec);
        return new Resource(new ResourceKey(GROUP, kind, "", name), API_VERSION, manifest, source);
    }
}
