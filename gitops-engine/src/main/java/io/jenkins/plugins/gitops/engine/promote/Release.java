package io.jenkins.plugins.gitops.engine.promote;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.policy.Workloads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The release of an environment: the image references its desired state runs, one per image name,
 * sorted by name. Taken from every container and init container of Kubernetes pod templates
 * (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod) and from the container spec of
 * Swarm services.
 *
 * <p>One environment running two versions of the same image (say {@code app:1.0} in one Deployment
 * and {@code app:1.1} in another) has no single release: promoting from it, or into it, would have
 * to guess which version is meant, and rewriting the target's {@code images:} entry would silently
 * change the other object too. {@link #of} therefore refuses such a state, naming both objects.
 */
public record Release(List<ImageRef> images) {
    public Release {
        Map<String, ImageRef> byName = new LinkedHashMap<>();
        for (ImageRef image : images) {
            ImageRef other = byName.putIfAbsent(image.name(), image);
            if (other != null && !other.equals(image)) {
                throw new InvalidInputException("release lists image " + image.name() + " twice (" + other + " and "
                        + image + "); a release has one version per image");
            }
        }
        images = byName.values().stream().sorted(Comparator.comparing(ImageRef::name)).toList();
    }

    /** The release of a rendered desired state; an error naming both objects if one image runs in two versions. */
    public static Release of(DesiredState rendered) {
        Map<String, ImageRef> byName = new LinkedHashMap<>();
        Map<String, String> firstUse = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Resource resource : rendered.resources()) {
            for (Map.Entry<String, String> use : images(resource).entrySet()) {
                ImageRef ref = parse(use.getValue(), use.getKey());
                ImageRef other = byName.putIfAbsent(ref.name(), ref);
                if (other == null) {
                    firstUse.put(ref.name(), use.getKey());
                } else if (!other.equals(ref)) {
                    problems.add(use.getKey() + " runs " + ref + ", but " + firstUse.get(ref.name()) + " runs " + other
                            + "; an environment's release has one version per image, so promoting "
                            + ref.name() + " would be ambiguous: use one version of it in environment '"
                            + rendered.environment() + "'");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Release(new ArrayList<>(byName.values()));
    }

    /** The reference of an image name, if the release has it. */
    public Optional<ImageRef> image(String name) {
        return images.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public boolean isEmpty() {
        return images.isEmpty();
    }

    /** Where each image is used ({@code file: Kind 'name' container 'c'}) mapped to the image as written. */
    private static Map<String, String> images(Resource resource) {
        Map<String, String> out = new LinkedHashMap<>();
        if (Workloads.isSwarmService(resource)) {
            Object image = Workloads.swarmContainerSpec(resource).get("Image");
            if (image != null) {
                out.put(resource.describe(), String.valueOf(image));
            }
            return out;
        }
        for (Workloads.Container c : Workloads.containers(resource)) {
            Object image = c.spec().get("image");
            if (image != null) {
                out.put(resource.describe() + " " + c.word() + " '" + c.name() + "'", String.valueOf(image));
            }
        }
        return out;
    }

    private static ImageRef parse(String image, String where) {
        try {
            return ImageRef.parse(image);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ": " + e.getMessage());
        }
    }
}
