package io.jenkins.plugins.gitops.engine.policy;

import io.jenkins.plugins.gitops.engine.model.PolicyRule;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * no-latest-tag: every image names a version. An image without a tag means {@code :latest}, which
 * changes under a running environment and makes a rollback meaningless. A digest
 * ({@code @sha256:...}) pins the image and is always fine.
 */
final class NoLatestTagPolicy implements Policy {
    static final String NAME = "no-latest-tag";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Violation> check(Resource resource, PolicyRule rule) {
        List<Violation> out = new ArrayList<>();
        if (Workloads.isSwarmService(resource)) {
            String problem = problem(Workloads.swarmContainerSpec(resource).get("Image"));
            if (problem != null) {
                out.add(Violation.of(rule, resource, problem));
            }
            return out;
        }
        for (Workloads.Container c : Workloads.containers(resource)) {
            String problem = problem(c.spec().get("image"));
            if (problem != null) {
                out.add(Violation.of(rule, resource, c, problem));
            }
        }
        return out;
    }

    /** What is wrong with an image reference, or null when it is pinned. */
    static String problem(Object image) {
        if (image == null || String.valueOf(image).isBlank()) {
            return "has no image";
        }
        String ref = String.valueOf(image).trim();
        if (ref.contains("@")) {
            return null;
        }
        String tag = tag(ref);
        if (tag == null) {
            return "uses image '" + ref + "' without a tag, which means :latest (pin a version or a digest)";
        }
        return tag.equals("latest") ? "uses image '" + ref + "' (pin a version or a digest instead of :latest)" : null;
    }

    /** The tag of an image reference without digest, or null; a registry port ({@code host:5000/app}) is no tag. */
    static String tag(String ref) {
        int lastSlash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        return colon > lastSlash ? ref.substring(colon + 1) : null;
    }
}
