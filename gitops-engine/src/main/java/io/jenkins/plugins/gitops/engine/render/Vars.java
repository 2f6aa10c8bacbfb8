package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kustomize {@code vars}: each var names an object ({@code objref}) and one of its fields
 * ({@code fieldref.fieldPath}, default {@code metadata.name}); {@code $(NAME)} in the fields of the
 * var-reference field specs is replaced by that field's value once the whole build is done (after
 * name prefixes and hash suffixes). A var whose object is missing, ambiguous or lacks the field, and
 * two vars of one name, are errors. Follows api/types/var.go, api/internal/accumulator
 * (MergeVars, ResolveVars) and api/filters/refvar.
 */
final class Vars {
    private static final Logger LOG = LoggerFactory.getLogger(Vars.class);

    /** One var: its name, the object (by apiVersion/group/version, kind, name, namespace) and field. */
    record Var(String name, ResId objRef, String fieldPath, String where) {
        @Override
        public String toString() {
            return "'" + name + "' (" + objRef + ", fieldPath " + fieldPath + ")";
        }
    }

    private final Map<String, Var> vars = new TreeMap<>();

    /** The {@code vars} of a kustomization file. */
    static List<Var> read(YamlFields f) {
        List<Var> out = new ArrayList<>();
        for (YamlFields raw : f.list("vars")) {
            YamlFields v = GoJsonKeys.canonical(raw, List.of("name", "objref", "fieldref"));
            v.onlyKeys(List.of("name", "objref", "fieldref"));
            YamlFields o = v.object("objref");
            if (o == null) {
                throw new InvalidInputException(v.where() + ": 'objref' is required (kind and name of the object"
                        + " that holds the value)");
            }
            List<String> refKeys = List.of("apiVersion", "group", "version", "kind", "name", "namespace");
            o = GoJsonKeys.canonical(o, refKeys);
            o.onlyKeys(refKeys);
            String apiVersion = o.string("apiVersion");
            String group = o.string("group");
            String version = o.string("version");
            if (apiVersion != null && !apiVersion.isEmpty()) {
                int slash = apiVersion.indexOf('/');
                group = slash < 0 ? group : apiVersion.substring(0, slash);
                version = apiVersion.substring(slash + 1);
            }
            String fieldPath = null;
            YamlFields ref = v.object("fieldref");
            if (ref != null) {
                ref = GoJsonKeys.canonical(ref, List.of("fieldPath"));
                ref.onlyKeys(List.of("fieldPath"));
                fieldPath = ref.string("fieldPath");
            }
            out.add(new Var(v.string("name") == null ? "" : v.string("name"),
                    new ResId(group, version, o.string("kind"), o.string("name"), o.string("namespace")),
                    fieldPath == null || fieldPath.isEmpty() ? "metadata.name" : fieldPath, v.where()));
        }
        return out;
    }

    /**
     * kustomize's MergeVars: marks the one object each var refers to (by any of its ids; without a
     * namespace in the objref, in any namespace), then adds the vars, refusing a name already declared.
     */
    void merge(List<Var> incoming, List<WorkingObject> objects, String where) {
        for (Var v : incoming) {
            ResId target = v.objRef();
            boolean exact = !target.namespace().isEmpty()
                    || ClusterScoped.isClusterScoped(target.group(), target.kind());
            List<WorkingObject> matched = objects.stream().filter(o -> o.ids().stream()
                    .anyMatch(id -> exact ? target.sameAs(id) : target.gvknEquals(id))).toList();
            if (matched.size() > 1) {
                throw new InvalidInputException(v.where() + ": found " + matched.size() + " resId matches for var " + v
                        + " (unable to disambiguate): " + matched.stream().map(WorkingObject::describe)
                        .collect(Collectors.joining(", ")) + "; add the namespace to the objref");
            }
            if (matched.size() == 1) {
                matched.get(0).refVarNames().add(v.name());
            }
        }
        for (Var v : incoming) {
            add(v, where);
        }
    }

    /** Adds the vars of a base (kustomize's MergeSet), refusing a name declared twice. */
    void mergeAll(Vars other, String where) {
        for (Var v : other.vars.values()) {
            add(v, where);
        }
    }

    private void add(Var v, String where) {
        Var existing = vars.get(v.name());
        if (existing != null) {
            throw new InvalidInputException(where + ": var '" + v.name() + "' already encountered (declared in "
                    + existing.where() + " and " + v.where() + "); var names must be unique in a build");
        }
        vars.put(v.name(), v);
    }

    boolean isEmpty() {
        return vars.isEmpty();
    }

    /**
     * kustomize's ResolveVars: finds every var's value in the object marked for it and replaces
     * {@code $(NAME)} in the fields of {@code varReference} of every object.
     */
    void resolve(List<WorkingObject> objects, List<FieldSpec> varReference) {
        if (vars.isEmpty()) {
            return;
        }
        Map<String, Object> values = new TreeMap<>();
        for (Var v : vars.values()) {
            values.put(v.name(), value(v, objects));
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (WorkingObject object : objects) {
            for (FieldSpec spec : varReference) {
                try {
                    spec.visit(object, FieldSpec.Create.NONE, slot -> VarReferences.replace(slot, values, counts));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(object.describe() + ": field " + spec.path() + ": "
                            + e.getMessage() + "; vars are replaced in strings only");
                }
            }
        }
        List<String> unused = values.keySet().stream().filter(n -> !counts.containsKey(n)).toList();
        if (!unused.isEmpty()) {
            LOG.warn("well-defined vars that were never replaced: {}", String.join(",", unused));
        }
    }

    private static Object value(Var v, List<WorkingObject> objects) {
        for (WorkingObject object : objects) {
            if (object.refVarNames().contains(v.name())) {
                Object value;
                try {
                    value = FieldPath.lookup(object.manifest(), FieldPath.splitWithIndexes(v.fieldPath()));
                } catch (IllegalArgumentException e) {
                    value = null;
                }
                if (value == null) {
                    throw new InvalidInputException(v.where() + ": field specified in var " + v + " not found in"
                            + " corresponding resource " + object.describe());
                }
                return value;
            }
        }
        throw new InvalidInputException(v.where() + ": var " + v + " cannot be mapped to a field in the set of known"
                + " resources; check kind, apiVersion and name of the objref");
    }
}
