package io.jenkins.plugins.gitops.engine.promote;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Plain manifests: the {@code image:} of every container, init container and ephemeral container
 * (wherever a {@code containers} list appears: pod templates, CronJobs, Pods, lists of objects) whose
 * image name is a release image is rewritten to the release's reference, in place.
 */
final class ManifestImages {
    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers");

    private ManifestImages() {
    }

    /** Rewrites matching images of one file; returns the names of the images it found. */
    static void write(YamlText yaml, List<ImageRef> images, Set<String> found) {
        for (Node document : yaml.documents()) {
            visit(yaml, document, images, found);
        }
    }

    private static void visit(YamlText yaml, Node node, List<ImageRef> images, Set<String> found) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && CONTAINER_LISTS.contains(k.getValue())
                        && t.getValueNode() instanceof SequenceNode list) {
                    list.getValue().forEach(c -> rewrite(yaml, c, images, found));
                }
                visit(yaml, t.getValueNode(), images, found);
            }
        } else if (node instanceof SequenceNode s) {
            s.getValue().forEach(item -> visit(yaml, item, images, found));
        }
    }

    private static void rewrite(YamlText yaml, Node container, List<ImageRef> images, Set<String> found) {
        if (!(YamlText.value(YamlText.mapping(container), "image") instanceof ScalarNode image)) {
            return;
        }
        ImageRef current;
        try {
            current = ImageRef.parse(image.getValue().strip());
        } catch (InvalidInputException e) {
            return;
        }
        for (ImageRef release : images) {
            if (release.name().equals(current.name())) {
                found.add(release.name());
                yaml.replaceScalar(image, release.toString());
                return;
            }
        }
    }
}
