package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.model.Hook;
import io.jenkins.plugins.gitops.engine.model.Waves;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plans the hooks of a prepared desired state: one {@link HookTask} per hook and phase, ordered by phase, wave,
 * kind and name. A hook with {@code metadata.generateName} is named as Argo CD names it
 * ({@code sync_context.go}): the prefix plus {@code <first 7 characters of the revision>-<phase>-<start time in
 * Unix seconds>}, lower case, so each sync creates a new object and a re-run of the same plan reuses the name.
 */
final class HookTasks {
    private static final Comparator<HookTask> ORDER = Comparator.comparing(HookTask::phase)
            .thenComparingInt(HookTask::wave).thenComparing(HookTask::key);

    private HookTasks() {
    }

    static List<HookTask> plan(List<Resource> hooks, Map<ResourceKey, Resource> live, String revision, Instant started,
            List<String> problems, List<String> warnings) {
        List<HookTask> tasks = new ArrayList<>();
        for (Resource resource : hooks) {
            Hook hook = Hook.of(resource.annotations());
            int wave = Waves.of(resource, problems, warnings);
            for (Hook.Phase phase : hook.phases()) {
                Resource named = named(resource, phase, revision, started);
                tasks.add(new HookTask(named.key(), phase, named, live.get(named.key()), wave, hook));
            }
        }
        tasks.sort(ORDER);
        return tasks;
    }

    private static Resource named(Resource resource, Hook.Phase phase, String revision, Instant started) {
        String name = Manifests.string(resource.manifest(), "metadata", "name");
        if (name != null && !name.isBlank()) {
            return resource;
        }
        String rev = revision == null ? "" : revision.length() >= 8 ? revision.substring(0, 7) : revision;
        String postfix = (rev + "-" + phase.displayName() + "-" + started.getEpochSecond()).toLowerCase(Locale.ROOT);
        Map<String, Object> manifest = resource.mutableManifest();
        Manifests.ensureMap(manifest, "metadata").put("name",
                Manifests.string(resource.manifest(), "metadata", "generateName") + postfix);
        return Resource.ofManifest(manifest, resource.source());
    }
}
