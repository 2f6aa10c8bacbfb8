package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which fields kustomize's built-in transformers touch, per transformer (kustomize's TransformerConfig,
 * api/internal/plugins/builtinconfig): name prefix and suffix, namespace, labels (with selectors, templates
 * and volume claim templates), annotations, name references, variable references, images and replicas.
 * Starts from {@link DefaultFieldSpecs}; a kustomization's {@code configurations:} files add to it, and the
 * configuration of a base travels up to the kustomizations that include it.
 *
 * @param specs          transformer key ({@code namePrefix}, {@code commonLabels}, ...) to its field specs
 * @param nameReferences the kinds others refer to by name, each with the fields holding such names
 */
record TransformerConfig(Map<String, List<FieldSpec>> specs, List<NameBackReference> nameReferences) {
    /** The keys of a configuration file, as kustomize names them. */
    static final List<String> KEYS = List.of("namePrefix", "nameSuffix", "namespace", "commonLabels", "labels",
            "templateLabels", "volumeClaimTemplateLabels", "commonAnnotations", "nameReference", "varReference",
            "images", "replicas");

    /**
     * A kind that other objects name ({@code group}, {@code version}, {@code kind}; empty matches any), and the
     * fields of those other objects that hold the name ({@code fieldSpecs}).
     */
    record NameBackReference(String group, String version, String kind, List<FieldSpec> referrers) {
    }

    TransformerConfig {
        Map<String, List<FieldSpec>> copy = new LinkedHashMap<>();
        for (String key : KEYS) {
            if (!key.equals("nameReference")) {
                copy.put(key, List.copyOf(specs.getOrDefault(key, List.of())));
            }
        }
        specs = copy;
        nameReferences = List.copyOf(nameReferences);
    }

    static TransformerConfig empty() {
        return new TransformerConfig(Map.of(), List.of());
    }

    /** The field specs of one transformer key. */
    List<FieldSpec> get(String key) {
        return specs.getOrDefault(key, List.of());
    }

    /** A configuration file's content ({@code where} names it in messages). */
    static TransformerConfig read(YamlFields f) {
        f.onlyKeys(KEYS);
        Map<String, List<FieldSpec>> specs = new LinkedHashMap<>();
        for (String key : KEYS) {
            if (!key.equals("nameReference")) {
                specs.put(key, FieldSpec.list(f, key));
            }
        }
        List<NameBackReference> references = new ArrayList<>();
        for (YamlFields r : f.list("nameReference")) {
            r.onlyKeys(List.of("group", "version", "kind", "fieldSpecs"));
            references.add(new NameBackReference(r.string("group"), r.string("version"), r.string("kind"),
                    FieldSpec.list(r, "fieldSpecs")));
        }
        return new TransformerConfig(specs, references);
    }

    /**
     * This configuration plus {@code other}'s specs, without duplicates, then sorted by kind (kustomize's
     * TransformerConfig.Merge): a spec with the same path whose kinds are among those of one already present
     * is dropped, or is an error if it differs in {@code create} ({@code where} names the file). Because the
     * sort puts kind-specific specs before general ones, a kind-specific spec in a {@code configurations:} file
     * ends up replacing kustomize's general spec for that path, as in kustomize.
     */
    TransformerConfig merge(TransformerConfig other, String where) {
        Map<String, List<FieldSpec>> merged = new LinkedHashMap<>();
        for (String key : specs.keySet()) {
            List<FieldSpec> list = new ArrayList<>(mergeAll(get(key), other.get(key), where + ": " + key));
            list.sort((a, b) -> KindOrder.compare(a.group(), a.version(), a.kind(), b.group(), b.version(), b.kind()));
            merged.put(key, list);
        }
        List<NameBackReference> references = new ArrayList<>(nameReferences);
        for (NameBackReference incoming : other.nameReferences) {
            boolean found = false;
            for (int i = 0; i < references.size(); i++) {
                NameBackReference r = references.get(i);
                if (same(r.group(), incoming.group()) && same(r.version(), incoming.version())
                        && same(r.kind(), incoming.kind())) {
                    references.set(i, new NameBackReference(r.group(), r.version(), r.kind(),
                            mergeAll(r.referrers(), incoming.referrers(), where + ": nameReference")));
                    found = true;
                }
            }
            if (!found) {
                references.add(incoming);
            }
        }
        references.sort((a, b) -> KindOrder.compare(a.group(), a.version(), a.kind(), b.group(), b.version(), b.kind()));
        return new TransformerConfig(merged, references);
    }

    /** The same specs sorted by kind, as kustomize sorts a configuration it reads (sortFields). */
    TransformerConfig sorted() {
        Map<String, List<FieldSpec>> sortedSpecs = new LinkedHashMap<>();
        specs.forEach((key, list) -> {
            List<FieldSpec> copy = new ArrayList<>(list);
            copy.sort((a, b) -> KindOrder.compare(a.group(), a.version(), a.kind(), b.group(), b.version(), b.kind()));
            sortedSpecs.put(key, copy);
        });
        List<NameBackReference> references = new ArrayList<>(nameReferences);
        references.sort((a, b) -> KindOrder.compare(a.group(), a.version(), a.kind(), b.group(), b.version(), b.kind()));
        return new TransformerConfig(sortedSpecs, references);
    }

    /** kustomize's FsSlice.MergeAll. */
    static List<FieldSpec> mergeAll(List<FieldSpec> existing, List<FieldSpec> incoming, String where) {
        List<FieldSpec> result = new ArrayList<>(existing);
        for (FieldSpec spec : incoming) {
            FieldSpec equal = result.stream().filter(s -> effectivelyEquals(s, spec)).findFirst().orElse(null);
            if (equal == null) {
                result.add(spec);
            } else if (equal.create() != spec.create()) {
                throw new InvalidInputException(where + ": conflicting fieldspecs for path '" + spec.path()
                        + "' (create " + equal.create() + " and " + spec.create() + "); give one of them");
            }
        }
        return result;
    }

    /** kustomize's FieldSpec.effectivelyEquals: same path, and {@code a}'s kinds selected by {@code b}'s. */
    private static boolean effectivelyEquals(FieldSpec a, FieldSpec b) {
        return a.path().equals(b.path()) && selects(b.group(), a.group()) && selects(b.version(), a.version())
                && selects(b.kind(), a.kind());
    }

    private static boolean selects(String selector, String value) {
        return selector == null || selector.isEmpty() || selector.equals(value == null ? "" : value);
    }

    private static boolean same(String a, String b) {
        return (a == null ? "" : a).equals(b == null ? "" : b);
    }
}
