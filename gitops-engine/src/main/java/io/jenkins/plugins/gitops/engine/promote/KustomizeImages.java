package io.jenkins.plugins.gitops.engine.promote;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Kustomize: the release lives in the top-level {@code images:} list of the kustomization file. An
 * entry matches an image when the name it produces ({@code newName}, else {@code name}) is the
 * image's name; its {@code newTag} and {@code digest} are set to the image's (a key the image has no
 * value for is removed). An image without an entry gets a new one {@code {name, newTag|digest}},
 * and a missing {@code images:} list is added at the end of the file.
 */
final class KustomizeImages {
    static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private KustomizeImages() {
    }

    static void write(YamlText yaml, List<ImageRef> images, ReleaseWriter.Collector out) {
        MappingNode root = yaml.rootMapping();
        Node imagesNode = YamlText.value(root, "images");
        if (imagesNode != null && !(imagesNode instanceof SequenceNode)) {
            throw new io.jenkins.plugins.gitops.engine.InvalidInputException(yaml.path() + ":" + yaml.line(imagesNode)
                    + ": 'images' must be a list of {name, newName, newTag, digest}");
        }
        SequenceNode list = (SequenceNode) imagesNode;
        List<List<String>> added = new ArrayList<>();
        for (ImageRef image : images) {
            MappingNode entry = find(list, image.name());
            if (entry != null) {
                update(yaml, entry, image);
            } else if (renamedAway(list, image.name())) {
                out.skip(image + ": " + yaml.path() + " renames " + image.name() + " with newName, so the target does not"
                        + " run it; skipped");
            } else {
                added.add(newEntry(image));
            }
        }
        if (added.isEmpty()) {
            return;
        }
        if (root == null || list == null) {
            List<String> lines = new ArrayList<>();
            lines.add("images:");
            for (List<String> entry : added) {
                lines.add("- " + entry.get(0));
                entry.subList(1, entry.size()).forEach(l -> lines.add("  " + l));
            }
            yaml.append(lines);
        } else {
            for (List<String> entry : added) {
                yaml.addItem(list, entry, flowEntry(entry));
            }
        }
    }

    /** The {@code {name: .., newTag: ..}} form of an entry, for a flow-style images list. */
    private static String flowEntry(List<String> lines) {
        List<String> pairs = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(": ");
            String value = line.substring(colon + 2);
            String unquoted = value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
            pairs.add(line.substring(0, colon) + ": " + YamlScalars.flowScalar(unquoted));
        }
        return "{" + String.join(", ", pairs) + "}";
    }

    private static List<String> newEntry(ImageRef image) {
        List<String> lines = new ArrayList<>();
        lines.add("name: " + YamlScalars.scalar(image.name()));
        if (image.tag() != null) {
            lines.add("newTag: " + YamlScalars.scalar(image.tag()));
        }
        if (image.digest() != null) {
            lines.add("digest: " + YamlScalars.scalar(image.digest()));
        }
        return lines;
    }

    private static void update(YamlText yaml, MappingNode entry, ImageRef image) {
        NodeTuple tag = YamlText.entry(entry, "newTag");
        NodeTuple digest = YamlText.entry(entry, "digest");
        if (image.tag() != null && tag == null && image.digest() == null && digest != null) {
            yaml.renameEntry(digest, "newTag: " + YamlScalars.scalar(image.tag()));
            return;
        }
        if (image.digest() != null && digest == null && image.tag() == null && tag != null) {
            yaml.renameEntry(tag, "digest: " + YamlScalars.scalar(image.digest()));
            return;
        }
        if (image.tag() != null) {
            yaml.setScalar(entry, "newTag", image.tag());
        } else if (tag != null) {
            yaml.removeEntry(entry, "newTag");
        }
        if (image.digest() != null) {
            yaml.setScalar(entry, "digest", image.digest());
        } else if (digest != null) {
            yaml.removeEntry(entry, "digest");
        }
    }

    /** The entry producing {@code name}: its newName, or its name when it has no newName. */
    private static MappingNode find(SequenceNode list, String name) {
        if (list == null) {
            return null;
        }
        for (Node item : list.getValue()) {
            if (item instanceof MappingNode m) {
                String produced = YamlText.string(m, "newName") != null ? YamlText.string(m, "newName")
                        : YamlText.string(m, "name");
                if (name.equals(produced)) {
                    return m;
                }
            }
        }
        return null;
    }

    private static boolean renamedAway(SequenceNode list, String name) {
        return list != null && list.getValue().stream().anyMatch(item -> item instanceof MappingNode m
                && name.equals(YamlText.string(m, "name")) && YamlText.string(m, "newName") != null);
    }
}
