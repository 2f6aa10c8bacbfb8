package io.jenkins.plugins.gitops.engine.render;

import java.util.List;
import java.util.Map;

/**
 * Kustomize {@code images:}: rewrites the name, tag or digest of container images wherever an object
 * has {@code containers}/{@code initContainers}/{@code ephemeralContainers} (pod templates of every
 * workload, CronJob job templates, custom resources with pod templates).
 */
public final class ImageRewriter {
    private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers", "ephemeralContainers");

    /** One {@code images:} entry: the image name to match and what to change. */
    public record Rule(String name, String newName, String newTag, String digest) {
        /** The rewritten image reference, or null if {@code image} is not this rule's image. */
        String rewrite(String image) {
            ImageRef ref = ImageRef.parse(image);
            if (!ref.name().equals(name)) {
                return null;
            }
            String repository = newName == null ? ref.name() : newName;
            if (digest != null) {
                return repository + "@" + digest;
            }
            if (newTag != null) {
                return repository + ":" + newTag;
            }
            return repository + ref.suffix();
        }
    }

    /** An image reference split into name and the tag/digest suffix ({@code :1.2}, {@code @sha256:..}). */
    record ImageRef(String name, String suffix) {
        static ImageRef parse(String image) {
            int at = image.indexOf('@');
            if (at >= 0) {
                return withTag(image.substring(0, at), image.substring(at));
            }
            return withTag(image, "");
        }

        private static ImageRef withTag(String nameAndTag, String digest) {
            int colon = nameAndTag.lastIndexOf(':');
            if (colon > nameAndTag.lastIndexOf('/')) {
                return new ImageRef(nameAndTag.substring(0, colon), nameAndTag.substring(colon) + digest);
            }
            return new ImageRef(nameAndTag, digest);
        }
    }

    private ImageRewriter() {
    }

    public static void apply(List<Rule> rules, Object value) {
        if (rules.isEmpty()) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (String field : CONTAINER_LISTS) {
                for (Map<String, Object> container : PodTemplates.maps(map.get(field))) {
                    rewrite(rules, container);
                }
            }
            map.values().forEach(v -> apply(rules, v));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> apply(rules, v));
        }
    }

    private static void rewrite(List<Rule> rules, Map<String, Object> container) {
        if (!(container.get("image") instanceof String image)) {
            return;
        }
        for (Rule rule : rules) {
            String rewritten = rule.rewrite(image);
            if (rewritten != null) {
                container.put("image", rewritten);
                return;
            }
        }
    }
}
