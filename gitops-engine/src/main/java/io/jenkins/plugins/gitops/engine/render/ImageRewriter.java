package io.jenkins.plugins.gitops.engine.render;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Kustomize {@code images:} (ImageTagTransformer, api/filters/imagetag): each entry in turn rewrites the
 * images it matches, first in every {@code containers}/{@code initContainers} list anywhere in an object
 * (kustomize's legacy filter), then in the fields of the {@code images} field specs; CustomResourceDefinitions
 * are left alone. An entry's {@code name} is matched as kustomize does: as a regular expression for the
 * image name, followed by an optional tag and digest.
 */
final class ImageRewriter {
    private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers");

    /** One {@code images:} entry. */
    record Rule(String name, String newName, String newTag, String digest, String tagSuffix) {
        /** The rewritten reference, or null if {@code image} is not this rule's image (kustomize's imageTagUpdater). */
        String rewrite(String image) {
            if (!matches(image)) {
                return null;
            }
            String[] split = split(image);
            String n = newName == null || newName.isEmpty() ? split[0] : newName;
            String tag = split[1];
            String dig = split[2];
            if (present(newTag) && present(digest)) {
                tag = newTag;
                dig = digest;
            } else if (present(newTag)) {
                tag = newTag;
                dig = "";
            } else if (present(digest)) {
                tag = "";
                dig = digest;
            } else if (present(tagSuffix)) {
                tag = tag + tagSuffix;
                dig = "";
            }
            return n + (tag.isEmpty() ? "" : ":" + tag) + (dig.isEmpty() ? "" : "@" + dig);
        }

        private boolean matches(String image) {
            try {
                return Pattern.compile("^" + name + "(:[a-zA-Z0-9_.{}-]*)?(@[a-zA-Z0-9]+([.+_-][a-zA-Z0-9]+)*:"
                        + "[a-zA-Z0-9_.{}-]*)?$").matcher(image).matches();
            } catch (PatternSyntaxException e) {
                return false;
            }
        }
    }

    private ImageRewriter() {
    }

    /** Applies the rules one after the other to every object, as kustomize runs one transformer per entry. */
    static void apply(List<Rule> rules, List<WorkingObject> objects, List<FieldSpec> specs) {
        for (Rule rule : rules) {
            for (WorkingObject object : objects) {
                if ("CustomResourceDefinition".equals(object.kind())) {
                    continue;
                }
                legacy(rule, object.manifest());
                for (FieldSpec spec : specs) {
                    spec.visit(object, FieldSpec.Create.NONE, slot -> {
                        if (slot.get() instanceof String image) {
                            String rewritten = rule.rewrite(image);
                            if (rewritten != null) {
                                slot.set(rewritten);
                            }
                        }
                    });
                }
            }
        }
    }

    /** kustomize's LegacyFilter: the images of container lists found anywhere in the object. */
    @SuppressWarnings("unchecked")
    private static void legacy(Rule rule, Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                legacy(rule, e.getValue());
                if (CONTAINER_LISTS.contains(String.valueOf(e.getKey())) && e.getValue() instanceof List<?> list) {
                    for (Object item : list) {
                        if (item instanceof Map<?, ?> container && container.get("image") instanceof String image) {
                            String rewritten = rule.rewrite(image);
                            if (rewritten != null) {
                                ((Map<String, Object>) container).put("image", rewritten);
                            }
                        }
                    }
                }
            }
        } else if (value instanceof List<?> list) {
            list.forEach(v -> legacy(rule, v));
        }
    }

    /** kustomize's image.Split: name, tag and digest (each possibly empty). */
    static String[] split(String image) {
        int slash = image.indexOf('/');
        int offset = slash > 0 ? slash : 0;
        String search = image.substring(offset);
        int at = search.indexOf('@');
        int colon = search.indexOf(':');
        if (colon < 0 && at < 0) {
            return new String[] {image, "", ""};
        }
        if (at >= 0 && (at < colon || colon < 0)) {
            return new String[] {image.substring(0, at + offset), "", image.substring(at + offset + 1)};
        }
        if (at >= 0) {
            return new String[] {image.substring(0, colon + offset), image.substring(colon + offset + 1, at + offset),
                image.substring(at + offset + 1)};
        }
        return new String[] {image.substring(0, colon + offset), image.substring(colon + offset + 1), ""};
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }
}
