package io.jenkins.plugins.gitops.engine.cluster.swarm;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pins service images to their registry digest, as {@code docker stack deploy} does by default
 * ({@code --resolve-image always}: the docker client's {@code resolveContainerSpecImage} asks the
 * daemon's distribution endpoint and writes {@code name:tag@sha256:...}, in the short "familiar" form
 * of the name). An image already pinned is left alone. When the registry cannot be reached the image
 * stays as written and the same warning docker prints is returned, so a tag that moved to a new
 * digest is a change to the service, and a registry that is down is not an error.
 */
final class ImagePins {
    private final DockerApi api;
    private final Map<String, Optional<String>> resolved = new HashMap<>();

    ImagePins(DockerApi api) {
        this.api = api;
    }

    /** Pins the image of one service spec in place; adds docker's warning when it cannot. */
    void pin(Map<String, Object> serviceSpec, List<String> warnings) {
        Map<String, Object> container = SwarmTarget.map(Manifests.get(serviceSpec, "TaskTemplate", "ContainerSpec"));
        Object value = container.get("Image");
        if (!(value instanceof String image) || image.isEmpty() || image.contains("@")) {
            return;
        }
        Optional<String> pinned = resolved.computeIfAbsent(image, this::lookup);
        if (pinned.isPresent()) {
            container.put("Image", pinned.get());
        } else {
            String warning = "image " + image + " could not be accessed on a registry to record its digest. Each node"
                    + " will access " + image + " independently, possibly leading to different nodes running"
                    + " different versions of the image.";
            if (!warnings.contains(warning)) {
                warnings.add(warning);
            }
        }
    }

    private Optional<String> lookup(String image) {
        return api.distribution(image).map(d -> Manifests.string(d, "Descriptor", "digest"))
                .filter(digest -> digest != null && digest.startsWith("sha256:"))
                .map(digest -> familiar(image) + "@" + digest);
    }

    /** docker's {@code reference.FamiliarString}: Docker Hub's domain and {@code library/} left out. */
    static String familiar(String image) {
        String name = image;
        if (name.startsWith("docker.io/")) {
            name = name.substring("docker.io/".length());
        } else if (name.startsWith("index.docker.io/")) {
            name = name.substring("index.docker.io/".length());
        } else {
            return name;
        }
        String path = name.split("[:@]", 2)[0];
        if (name.startsWith("library/") && path.indexOf('/') == path.lastIndexOf('/')) {
            name = name.substring("library/".length());
        }
        return name;
    }
}
