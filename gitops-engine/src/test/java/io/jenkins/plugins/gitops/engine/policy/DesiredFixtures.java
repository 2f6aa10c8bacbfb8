package io.jenkins.plugins.gitops.engine.policy;

import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.engine.render.SafeYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Desired states from multi-document YAML fixtures. Documents with a {@code Spec} are Swarm services
 * in the compose renderer's shape; the others are Kubernetes objects.
 */
public final class DesiredFixtures {
    private DesiredFixtures() {
    }

    /** Loads {@code resource} as if it were the repository file {@code source} of {@code environment}. */
    @SuppressWarnings("unchecked")
    public static DesiredState load(String environment, String resource, String source) {
        List<Resource> resources = new ArrayList<>();
        for (Object doc : SafeYaml.loadAll(bytes(resource), resource)) {
            Map<String, Object> manifest = (Map<String, Object>) doc;
            if (manifest.containsKey("Spec")) {
                String name = String.valueOf(((Map<String, Object>) manifest.get("metadata")).get("name"));
                resources.add(new Resource(new ResourceKey("swarm", "Service", "", name), "swarm/v1", manifest, source));
            } else {
                resources.add(Resource.ofManifest(manifest, source));
            }
        }
        return new DesiredState(environment, "0123456789abcdef0123456789abcdef01234567", resources, List.of());
    }

    static byte[] bytes(String resource) {
        try (InputStream in = DesiredFixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
