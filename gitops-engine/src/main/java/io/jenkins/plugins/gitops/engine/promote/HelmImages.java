package io.jenkins.plugins.gitops.engine.promote;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.render.SafeYaml;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm: images live in values as {@code <path>.repository} + {@code <path>.tag} (optionally
 * {@code <path>.registry} in front of the repository and {@code <path>.digest}), or as a string
 * {@code <path>: repo:tag}. The chart's values and the environment's values files are merged to find
 * every such path whose repository is a release image, and the version is written into the
 * environment's own values file with the highest precedence (creating the keys when absent):
 * <ul>
 * <li>chart in the folder: {@code values-<env>.yaml} when it exists (else the folder's
 * {@code values.yaml}, which belongs to this environment alone);</li>
 * <li>{@code helm.yaml}: the last file of its {@code values} list (a shared chart's values.yaml is
 * never edited).</li>
 * </ul>
 * Conventions as in the Helm renderer. A digest is written only where the chart has a
 * {@code digest} value (and cleared there when the release has none); otherwise the tag is promoted
 * and a note says so.
 */
final class HelmImages {
    static final String HELM_FILE = "helm.yaml";

    private HelmImages() {
    }

    static boolean accepts(SourceTree tree, String directory) {
        return tree.isFile(RepoPaths.child(directory, "Chart.yaml")) || tree.isFile(RepoPaths.child(directory, HELM_FILE));
    }

    static void write(SourceTree tree, String directory, String environment, List<ImageRef> images,
            ReleaseWriter.Collector out) {
        List<String> valuesFiles = new ArrayList<>();
        String editFile;
        String helmFile = RepoPaths.child(directory, HELM_FILE);
        if (tree.isFile(helmFile)) {
            Map<String, Object> helm = map(SafeYaml.load(tree.read(helmFile), helmFile));
            String chart = RepoPaths.resolve(directory, String.valueOf(helm.get("chart")), helmFile);
            addIfFile(tree, RepoPaths.child(chart, "values.yaml"), valuesFiles);
            List<String> own = new ArrayList<>();
            if (helm.get("values") instanceof List<?> list) {
                list.forEach(v -> own.add(RepoPaths.resolve(directory, String.valueOf(v), helmFile)));
            }
            if (own.isEmpty()) {
                throw new InvalidInputException(helmFile + ": lists no values file, so promotion has nowhere to set"
                        + " the image tag of this environment; add `values: [values.yaml]` with that file");
            }
            valuesFiles.addAll(own);
            editFile = own.get(own.size() - 1);
        } else {
            String chartValues = RepoPaths.child(directory, "values.yaml");
            String envValues = RepoPaths.child(directory, "values-" + environment + ".yaml");
            addIfFile(tree, chartValues, valuesFiles);
            addIfFile(tree, envValues, valuesFiles);
            editFile = tree.isFile(envValues) || !tree.isFile(chartValues) ? envValues : chartValues;
        }
        Map<String, Object> effective = new LinkedHashMap<>();
        for (String file : valuesFiles) {
            merge(effective, map(SafeYaml.load(tree.read(file), file)));
        }
        List<Holder> holders = new ArrayList<>();
        findHolders(effective, new ArrayList<>(), holders);

        TextFile text = tree.isFile(editFile) ? TextFile.of(editFile, tree.read(editFile)) : TextFile.absent(editFile);
        YamlText yaml = YamlText.of(text);
        for (Holder holder : holders) {
            images.stream().filter(i -> i.name().equals(holder.name())).findFirst()
                    .ifPresent(image -> write(yaml, holder, image, out));
        }
        for (ImageRef image : images) {
            if (holders.stream().noneMatch(h -> h.name().equals(image.name()))) {
                out.skip(image + ": no values of " + directory + " set the repository " + image.name() + ", skipped");
            }
        }
        if (yaml.changed()) {
            out.file(editFile, yaml.result());
        }
    }

    private static void write(YamlText yaml, Holder holder, ImageRef image, ReleaseWriter.Collector out) {
        String where = String.join(".", holder.path());
        if (holder.stringForm()) {
            yaml.setPath(holder.path(), image.toString());
            return;
        }
        if (image.tag() == null && holder.digest() == null) {
            out.skip(image + ": the chart's " + where + " has no digest value and the release has no tag; skipped");
            return;
        }
        Map<String, String> leaves = new LinkedHashMap<>();
        if (image.tag() != null) {
            leaves.put("tag", image.tag());
        }
        if (holder.digest() != null && (image.digest() != null || !holder.digest().isEmpty())) {
            leaves.put("digest", image.digest() == null ? "" : image.digest());
        } else if (holder.digest() == null && image.digest() != null) {
            out.note(yaml.path() + ": " + where + " has no digest value; promoted tag " + image.tag() + " without digest "
                    + image.digest());
        }
        yaml.setAll(holder.path(), leaves);
    }

    /** An image in values: the key path of its mapping (or of its string), and the name it gives. */
    private record Holder(List<String> path, String name, boolean stringForm, String digest) {
    }

    private static void findHolders(Map<String, Object> values, List<String> path, List<Holder> out) {
        if (values.get("repository") instanceof String repository) {
            String registry = values.get("registry") instanceof String r && !r.isBlank() ? r + "/" : "";
            Object digestValue = values.get("digest");
            String digest = !values.containsKey("digest") ? null : digestValue == null ? "" : String.valueOf(digestValue);
            out.add(new Holder(List.copyOf(path), registry + repository, false, digest));
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            List<String> child = with(path, e.getKey());
            if (e.getValue() instanceof Map<?, ?> m) {
                findHolders(map(m), child, out);
            } else if (e.getKey().equals("image") && e.getValue() instanceof String s && !s.isBlank()) {
                try {
                    out.add(new Holder(child, ImageRef.parse(s).name(), true, null));
                } catch (InvalidInputException notAnImage) {
                    // a value named image that is not a reference (a template, a flag): not ours to edit
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        for (Map.Entry<String, Object> e : from.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m && into.get(e.getKey()) instanceof Map<?, ?> existing) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) existing);
                merge(copy, (Map<String, Object>) m);
                into.put(e.getKey(), copy);
            } else {
                into.put(e.getKey(), e.getValue());
            }
        }
    }

    private static List<String> with(List<String> path, String key) {
        List<String> out = new ArrayList<>(path);
        out.add(key);
        return out;
    }

    private static void addIfFile(SourceTree tree, String path, List<String> files) {
        if (tree.isFile(path)) {
            files.add(path);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new InvalidInputException("values must be a mapping at the top level");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
