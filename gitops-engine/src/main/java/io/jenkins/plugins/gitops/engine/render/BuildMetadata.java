package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Kustomize {@code buildMetadata} of the kustomization that is built (it applies to its bases too):
 * {@code originAnnotations} notes in {@code config.kubernetes.io/origin} the file each object comes
 * from, or the generator that made it; {@code transformerAnnotations} lists in
 * {@code alpha.config.kubernetes.io/transformations} every transformer run on it; paths are relative to
 * the built folder (api/resource/origin.go, api/internal/target/kusttarget.go). {@code managedByLabel}
 * sets {@code app.kubernetes.io/managed-by}, to this engine's own value since it manages the objects.
 */
final class BuildMetadata {
    static final String ORIGIN = "config.kubernetes.io/origin";
    static final String TRANSFORMATIONS = "alpha.config.kubernetes.io/transformations";

    private final String root;
    private final List<String> options;

    /** {@code root}: the repository folder that is built; {@code options}: its buildMetadata. */
    BuildMetadata(String root, List<String> options) {
        this.root = root;
        this.options = List.copyOf(options);
    }

    /** Whether origins are tracked at all (any buildMetadata option, as in kustomize). */
    boolean tracking() {
        return !options.isEmpty();
    }

    /** Notes that {@code o} was read from the repository file {@code path}. */
    void readFrom(WorkingObject o, String path) {
        if (tracking()) {
            annotations(o).put(ORIGIN, "path: " + relative(path) + "\n");
        }
    }

    /**
     * After the configMapGenerator and secretGenerator of {@code kustomizationFile} ran: the objects they
     * made (those without an origin) and the ones they replaced get them as origin; merged ones keep theirs.
     */
    void generated(List<WorkingObject> objects, String kustomizationFile, List<Generators.Spec> specs) {
        if (tracking()) {
            String in = relative(kustomizationFile);
            noteGenerated(objects, specs, kind -> configured(in, "builtin", kind + "Generator", null, null, ""));
        }
    }

    /** After the generator configured by {@code config} (from {@code generators:}) ran. */
    void generatedByConfig(List<WorkingObject> objects, List<Generators.Spec> specs, WorkingObject config) {
        if (tracking()) {
            Map<String, Object> c = config.manifest();
            String origin = configured(relative(config.source()), Manifests.string(c, "apiVersion"),
                    Manifests.string(c, "kind"), Manifests.string(c, "metadata", "name"),
                    Manifests.string(c, "metadata", "namespace"), "");
            noteGenerated(objects, specs, kind -> origin);
        }
    }

    private static void noteGenerated(List<WorkingObject> objects, List<Generators.Spec> specs,
            java.util.function.Function<String, String> origin) {
        for (WorkingObject o : objects) {
            if (!hasOrigin(o)) {
                annotations(o).put(ORIGIN, origin.apply(o.kind()));
            }
        }
        for (Generators.Spec spec : specs) {
            if (spec.behavior().equals("replace")) {
                objects.stream().filter(o -> spec.kind().equals(o.kind()) && o.isCalled(spec.name()))
                        .forEach(o -> annotations(o).put(ORIGIN, origin.apply(spec.kind())));
            }
        }
    }

    /** After the built-in transformer {@code kind} of {@code kustomizationFile} ran on {@code objects}. */
    void transformed(List<WorkingObject> objects, String kustomizationFile, String kind) {
        transformedBy(objects, configured(relative(kustomizationFile), "builtin", kind, null, null, ""),
                configured(relative(kustomizationFile), "builtin", kind, null, null, "  "));
    }

    /** After the transformer configured by {@code config} (from {@code transformers:}) ran on {@code objects}. */
    void transformedByConfig(List<WorkingObject> objects, WorkingObject config) {
        Map<String, Object> c = config.manifest();
        String in = relative(config.source());
        String apiVersion = Manifests.string(c, "apiVersion");
        String kind = Manifests.string(c, "kind");
        String name = Manifests.string(c, "metadata", "name");
        String namespace = Manifests.string(c, "metadata", "namespace");
        transformedBy(objects, configured(in, apiVersion, kind, name, namespace, ""),
                configured(in, apiVersion, kind, name, namespace, "  "));
    }

    private void transformedBy(List<WorkingObject> objects, String origin, String listItem) {
        if (!tracking()) {
            return;
        }
        for (WorkingObject o : objects) {
            Map<String, Object> annotations = annotations(o);
            if (!hasOrigin(o)) {
                annotations.put(ORIGIN, origin);
            } else {
                Object before = annotations.get(TRANSFORMATIONS);
                annotations.put(TRANSFORMATIONS, (before == null ? "" : before) + "- " + listItem.substring(2)
                        .stripLeading() + "");
            }
        }
    }

    /** Removes what the options do not ask for, and sets the managed-by label when asked (end of the build). */
    void finish(List<WorkingObject> objects) {
        for (WorkingObject o : objects) {
            if (!(Manifests.get(o.manifest(), "metadata", "annotations") instanceof Map<?, ?> annotations)) {
                continue;
            }
            if (!options.contains("originAnnotations")) {
                annotations.remove(ORIGIN);
            }
            if (!options.contains("transformerAnnotations")) {
                annotations.remove(TRANSFORMATIONS);
            }
            if (annotations.isEmpty()) {
                ((Map<?, ?>) Manifests.get(o.manifest(), "metadata")).remove("annotations");
            }
        }
        if (options.contains("managedByLabel")) {
            objects.forEach(o -> Manifests.ensureMap(o.manifest(), "metadata", "labels")
                    .put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE));
        }
    }

    /** The YAML kustomize writes for an origin with configuredIn and configuredBy, each line indented. */
    private static String configured(String in, String apiVersion, String kind, String name, String namespace,
            String indent) {
        StringBuilder s = new StringBuilder();
        s.append(indent).append("configuredIn: ").append(in).append('\n');
        s.append(indent).append("configuredBy:\n");
        for (String[] field : List.of(new String[] {"apiVersion", apiVersion}, new String[] {"kind", kind},
                new String[] {"name", name}, new String[] {"namespace", namespace})) {
            if (field[1] != null && !field[1].isEmpty()) {
                s.append(indent).append("  ").append(field[0]).append(": ").append(field[1]).append('\n');
            }
        }
        return s.toString();
    }

    private static boolean hasOrigin(WorkingObject o) {
        return Manifests.get(o.manifest(), "metadata", "annotations", ORIGIN) != null;
    }

    private static Map<String, Object> annotations(WorkingObject o) {
        return Manifests.ensureMap(o.manifest(), "metadata", "annotations");
    }

    /** {@code path} relative to the built folder, as kustomize joins the paths it followed. */
    String relative(String path) {
        List<String> from = root.isEmpty() ? List.of() : Arrays.asList(root.split("/"));
        List<String> to = path.isEmpty() ? List.of() : Arrays.asList(path.split("/"));
        int common = 0;
        while (common < from.size() && common < to.size() && from.get(common).equals(to.get(common))) {
            common++;
        }
        List<String> parts = new ArrayList<>();
        for (int i = common; i < from.size(); i++) {
            parts.add("..");
        }
        parts.addAll(to.subList(common, to.size()));
        return String.join("/", parts);
    }
}
