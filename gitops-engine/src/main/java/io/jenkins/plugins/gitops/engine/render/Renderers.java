package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Hook;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.model.Waves;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desired state of an environment at a revision: finds the environment's folder, lets the first
 * renderer that accepts it render it (kustomize, Helm, extras such as compose, then plain YAML), and
 * checks the whole result before anyone applies it. All problems are reported together.
 */
public final class Renderers {
    /** More objects than this in one environment is refused: almost certainly a mistake (or an attack). */
    public static final int MAX_OBJECTS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(Renderers.class);

    private final List<FormatRenderer> renderers;

    public Renderers(List<FormatRenderer> renderers) {
        this.renderers = List.copyOf(renderers);
    }

    /** Kustomize, Helm, then plain YAML. */
    public static Renderers standard() {
        return new Renderers(List.of(new KustomizeRenderer(), new HelmRenderer(), new PlainYamlRenderer()));
    }

    /** These renderers plus {@code extra}, tried just before plain YAML (which accepts any folder). */
    public Renderers with(FormatRenderer extra) {
        List<FormatRenderer> list = new ArrayList<>(renderers);
        int plain = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof PlainYamlRenderer) {
                plain = i;
            }
        }
        list.add(plain < 0 ? list.size() : plain, extra);
        return new Renderers(list);
    }

    public List<FormatRenderer> renderers() {
        return renderers;
    }

    /**
     * Renders {@code environment}'s folder of {@code tree}. {@code revision} names the commit in
     * messages and in the result (the tree's own description when null).
     */
    public DesiredState render(SourceTree tree, Environment environment, Map<String, String> variables,
            String revision) {
        return render(tree, environment, variables, revision, ClusterCapabilities.offline());
    }

    /**
     * Renders {@code environment}'s folder of {@code tree} for a cluster that serves {@code capabilities}
     * (from the target's discovery; {@link ClusterCapabilities#offline()} when no cluster is known).
     */
    public DesiredState render(SourceTree tree, Environment environment, Map<String, String> variables,
            String revision, ClusterCapabilities capabilities) {
        String rev = revision == null ? tree.revision() : revision;
        String folder = RepoPaths.normalize(environment.path() == null ? "" : environment.path(), "gitops.yaml");
        if (!tree.isDirectory(folder)) {
            throw new InvalidInputException((folder.isEmpty() ? "/" : folder) + ": folder not found at revision " + rev
                    + "; check `path` of environment '" + environment.name() + "' in gitops.yaml");
        }
        FormatRenderer renderer = renderers.stream().filter(r -> r.accepts(tree, folder)).findFirst()
                .orElseThrow(() -> new InvalidInputException(folder + ": no renderer accepts this folder"));
        LOG.debug("Rendering environment {} from {} at {} with {}", environment.name(), folder, rev,
                renderer.getClass().getSimpleName());
        FormatRenderer.Rendering rendering = renderer.render(tree, folder, environment,
                variables == null ? Map.of() : variables, capabilities);
        List<String> warnings = new ArrayList<>(rendering.warnings());
        List<Resource> resources = withoutSkippedHooks(rendering.resources(), warnings);
        check(resources, environment, folder, capabilities, warnings);
        LOG.debug("Rendered environment {} at {}: {} objects, {} warnings", environment.name(), rev,
                resources.size(), warnings.size());
        return new DesiredState(environment.name(), rev, resources, warnings);
    }

    /**
     * Objects whose hook annotations give them no sync phase (Argo CD's {@code Skip}, Helm test and delete/rollback
     * hooks) are never applied, as in Argo CD: left out here, with a warning, so render, diff and sync agree.
     */
    private static List<Resource> withoutSkippedHooks(List<Resource> resources, List<String> warnings) {
        List<Resource> kept = new ArrayList<>();
        for (Resource resource : resources) {
            Hook hook = Hook.of(resource.annotations());
            if (!hook.note().isEmpty()) {
                warnings.add(resource.describe() + ": " + hook.note()
                        + (hook.kind() == Hook.Kind.SKIPPED ? "; skipped" : ""));
            }
            if (hook.kind() != Hook.Kind.SKIPPED) {
                kept.add(resource);
            }
        }
        return kept;
    }

    private static void check(List<Resource> resources, Environment environment, String folder,
            ClusterCapabilities capabilities, List<String> warnings) {
        KindScope scope = new KindScope(capabilities);
        resources.forEach(r -> scope.learn(r.manifest()));
        List<String> problems = new ArrayList<>();
        if (resources.size() > MAX_OBJECTS) {
            problems.add(folder + ": renders " + resources.size() + " objects, more than the limit of " + MAX_OBJECTS
                    + "; split the environment into several environments");
        }
        String defaultNamespace = defaultNamespace(environment);
        Map<ResourceKey, Resource> seen = new HashMap<>();
        for (Resource resource : resources) {
            if (resource.kind().isBlank() || resource.name().isBlank()) {
                problems.add(resource.source() + ": object has no kind or metadata.name; every object needs apiVersion,"
                        + " kind and metadata.name");
                continue;
            }
            Waves.of(resource, problems, warnings);
            ResourceKey key = resource.key();
            ResourceKey identity = key.namespace().isEmpty() && !scope.isClusterScoped(key.group(), key.kind())
                    ? new ResourceKey(key.group(), key.kind(), defaultNamespace, key.name()) : key;
            Resource first = seen.putIfAbsent(identity, resource);
            if (first != null) {
                problems.add(resource.source() + ": " + key.kind() + " '" + key.name() + "'"
                        + (identity.namespace().isEmpty() ? "" : " in namespace '" + identity.namespace() + "'")
                        + " is defined twice (also in " + first.source() + "); remove one of them");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String defaultNamespace(Environment environment) {
        TargetSpec target = environment.target();
        if (target == null) {
            return "";
        }
        if (target.type() == TargetSpec.Type.SWARM) {
            return target.stack() == null ? "" : target.stack();
        }
        return target.namespace() == null ? "default" : target.namespace();
    }
}
