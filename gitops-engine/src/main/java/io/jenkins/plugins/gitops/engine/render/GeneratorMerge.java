package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a generated ConfigMap or Secret joins the objects built so far (kustomize's appendReplaceOrMerge,
 * api/resmap/reswrangler.go): {@code create} adds it and fails if an object with that id (now or before a
 * rename) exists; {@code merge} and {@code replace} need exactly one such object and take its place, keeping
 * its name, namespace, labels and annotations (the generator's win) and, for merge, its data.
 */
final class GeneratorMerge {
    private GeneratorMerge() {
    }

    static void absorb(List<WorkingObject> objects, WorkingObject generated, Generators.Spec spec) {
        ResId id = ResId.of(generated);
        List<WorkingObject> matches = objects.stream()
                .filter(o -> o.ids().stream().anyMatch(i -> i.sameAs(id))).toList();
        String what = spec.where() + ": " + spec.kind() + " '" + spec.name() + "'"
                + (spec.namespace() == null ? "" : " in namespace '" + spec.namespace() + "'");
        if (matches.isEmpty()) {
            if (!spec.behavior().equals("create")) {
                throw new InvalidInputException(what + " has behavior " + spec.behavior() + ", but no base defines it"
                        + " (id does not exist; cannot merge or replace); use behavior: create or fix the name");
            }
            objects.add(generated);
            return;
        }
        if (matches.size() > 1) {
            throw new InvalidInputException(what + " could merge into any of " + matches.stream()
                    .map(WorkingObject::describe).toList() + "; give the generator a namespace");
        }
        WorkingObject old = matches.get(0);
        if (spec.behavior().equals("create")) {
            throw new InvalidInputException(what + " already exists (" + old.describe() + "); a second generator or"
                    + " resource of that name and namespace needs behavior: merge or replace, or another name");
        }
        Map<String, Object> m = generated.manifest();
        Map<String, Object> metadata = Manifests.ensureMap(m, "metadata");
        metadata.put("name", old.name());
        if (old.namespace() == null || old.namespace().isEmpty()) {
            metadata.remove("namespace");
        } else {
            metadata.put("namespace", old.namespace());
        }
        setStrings(metadata, "labels", merged(Manifests.get(old.manifest(), "metadata", "labels"), metadata.get("labels")));
        setStrings(metadata, "annotations", merged(Manifests.get(old.manifest(), "metadata", "annotations"),
                metadata.get("annotations")));
        if (spec.behavior().equals("merge")) {
            Map<String, Object> data = merged(old.manifest().get("data"), m.get("data"));
            Map<String, Object> binary = merged(old.manifest().get("binaryData"), m.get("binaryData"));
            m.remove("data");
            m.remove("binaryData");
            Map<String, Object> raw = new LinkedHashMap<>();
            data.forEach((k, v) -> raw.put(k, GeneratorData.raw(String.valueOf(v))));
            Generators.putConfigMapData(m, raw);
            if (!binary.isEmpty()) {
                Manifests.ensureMap(m, "binaryData").putAll(new TreeMap<>(binary));
            }
        }
        generated.inheritFrom(old);
        objects.set(objects.indexOf(old), generated);
    }

    /** {@code older} then {@code newer} entries (newer win), values as strings. */
    private static Map<String, Object> merged(Object older, Object newer) {
        Map<String, Object> out = new TreeMap<>();
        for (Object map : new Object[] {older, newer}) {
            if (map instanceof Map<?, ?> m) {
                m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            }
        }
        return out;
    }

    private static void setStrings(Map<String, Object> metadata, String field, Map<String, Object> values) {
        if (values.isEmpty()) {
            metadata.remove(field);
        } else {
            metadata.put(field, values);
        }
    }
}
