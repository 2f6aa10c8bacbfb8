package io.jenkins.plugins.gitops.engine.promote;

import java.util.ArrayList;
import java.util.List;

/**
 * What promoting one release into another changes: images both run with a different tag or digest
 * ({@link #changes}), images only the source runs (not in the target, so skipped: promotion moves
 * versions, it never adds workloads), and images already equal.
 */
public record ReleaseDiff(List<ImageChange> changes, List<ImageRef> notInTarget, List<ImageRef> unchanged) {
    public ReleaseDiff {
        changes = List.copyOf(changes);
        notInTarget = List.copyOf(notInTarget);
        unchanged = List.copyOf(unchanged);
    }

    public static ReleaseDiff between(Release from, Release to) {
        List<ImageChange> changes = new ArrayList<>();
        List<ImageRef> notInTarget = new ArrayList<>();
        List<ImageRef> unchanged = new ArrayList<>();
        for (ImageRef source : from.images()) {
            ImageRef target = to.image(source.name()).orElse(null);
            if (target == null) {
                notInTarget.add(source);
            } else if (target.equals(source)) {
                unchanged.add(source);
            } else {
                changes.add(new ImageChange(source.name(), target.toString(), source.toString()));
            }
        }
        return new ReleaseDiff(changes, notInTarget, unchanged);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The new references of the changed images: what {@link ReleaseWriter} writes into the target. */
    public Release toWrite() {
        return new Release(changes.stream().map(c -> ImageRef.parse(c.newRef())).toList());
    }

    /** One line per skipped image: {@code registry/app:1.2: not in target, skipped}. */
    public List<String> skipped() {
        return notInTarget.stream().map(i -> i + ": not in target, skipped").toList();
    }
}
