package io.jenkins.plugins.gitops.engine.preview;

import io.jenkins.plugins.gitops.engine.model.PreviewSpec.ImageOverride;
import java.util.List;
import java.util.Map;

/**
 * {@code preview.images}: rewrites container images as kustomize's {@code images:} does for an exact
 * image name (api/filters/imagetag): {@code newName} replaces the name, {@code newTag} the tag (and drops a
 * digest), {@code digest} the tag and digest. Applied to every {@code containers}/{@code initContainers}
 * list of an object (pod templates of every workload kind) and to compose services' {@code Image}.
 */
final class PreviewImages {
    private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers");

    private PreviewImages() {
    }

    /** {@code overrides} with their variables already expanded. */
    @SuppressWarnings("unchecked")
    static void apply(List<ImageOverride> overrides, Object value) {
        if (overrides.isEmpty()) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (String field : CONTAINER_LISTS) {
                if (map.get(field) instanceof List<?> containers) {
                    for (Object c : containers) {
                        if (c instanceof Map<?, ?> container && container.get("image") instanceof String image) {
                            ((Map<String, Object>) container).put("image", rewrite(overrides, image));
                        }
                    }
                }
            }
            if (map.get("ContainerSpec") instanceof Map<?, ?> spec && spec.get("Image") instanceof String image) {
                ((Map<String, Object>) spec).put("Image", rewrite(overrides, image));
            }
            map.values().forEach(v -> apply(overrides, v));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> apply(overrides, v));
        }
    }

    static String rewrite(List<ImageOverride> overrides, String image) {
        int at = image.indexOf('@');
        String nameAndTag = at < 0 ? image : image.substring(0, at);
        String digest = at < 0 ? "" : image.substring(at + 1);
        int colon = nameAndTag.lastIndexOf(':');
        boolean hasTag = colon > nameAndTag.lastIndexOf('/');
        String name = hasTag ? nameAndTag.substring(0, colon) : nameAndTag;
        String tag = hasTag ? nameAndTag.substring(colon + 1) : "";
        for (ImageOverride o : overrides) {
            if (!o.name().equals(name)) {
                continue;
            }
            String n = o.newName() != null ? o.newName() : name;
            if (o.digest() != null) {
                return n + "@" + o.digest();
            }
            if (o.newTag() != null) {
                return n + ":" + o.newTag();
            }
            return n + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
        }
        return image;
    }
}
