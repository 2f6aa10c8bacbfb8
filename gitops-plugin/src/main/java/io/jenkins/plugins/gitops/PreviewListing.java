package io.jenkins.plugins.gitops;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitops.engine.api.PreviewInfo;
import io.jenkins.plugins.gitops.engine.api.PreviewResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The previews of each template environment as the engine last listed them ({@code GitOps#previews}),
 * so that job pages show them without calling a target while rendering (as their drift column reads
 * {@link DriftWork}'s states). Filled by the drift worker after each round ({@link PreviewExpiry}) and
 * kept current by {@code gitopsPreview} and {@link PreviewCleanup}; in memory only (lost on restart,
 * listed again by the next drift round).
 */
final class PreviewListing {
    /** One listing: the previews (by name) and when the engine listed them. */
    record Listing(List<PreviewInfo> previews, Instant listedAt) {
    }

    private static final Map<String, Listing> LISTINGS = new ConcurrentHashMap<>();

    private PreviewListing() {
    }

    /** The last listing of a template's previews, null before the first. */
    @CheckForNull
    static Listing get(String repository, String template) {
        return LISTINGS.get(key(repository, template));
    }

    /** What the engine listed now. */
    static void listed(String repository, String template, List<PreviewInfo> previews, Instant at) {
        LISTINGS.put(key(repository, template), new Listing(sorted(previews), at));
    }

    /** A preview created or updated by a step: shown at once, with its first deployment kept when known. */
    static void created(String repository, PreviewResult result, Instant at) {
        if (!result.succeeded()) {
            return;
        }
        LISTINGS.compute(key(repository, result.environment()), (key, old) -> {
            List<PreviewInfo> previews = new ArrayList<>(old == null ? List.of() : old.previews());
            PreviewInfo before = previews.stream().filter(p -> p.id().equals(result.id())).findFirst().orElse(null);
            previews.removeIf(p -> p.id().equals(result.id()));
            previews.add(new PreviewInfo(result.environment(), result.id(), result.name(), result.url(),
                    before != null && before.firstDeployedAt() != null ? before.firstDeployedAt() : at, at,
                    result.sync().revision(), result.sync().health(), "succeeded"));
            return new Listing(sorted(previews), old == null ? at : old.listedAt());
        });
    }

    /** A preview deleted by a step, the cleanup listener or expiry. */
    static void deleted(String repository, String template, String id) {
        LISTINGS.computeIfPresent(key(repository, template), (key, old) -> new Listing(
                old.previews().stream().filter(p -> !p.id().equals(id)).toList(), old.listedAt()));
    }

    private static List<PreviewInfo> sorted(List<PreviewInfo> previews) {
        return previews.stream().sorted(Comparator.comparing(PreviewInfo::name)).toList();
    }

    private static String key(String repository, String template) {
        return repository + "\n" + template;
    }
}
