package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a kustomization build has accumulated so far (kustomize's ResAccumulator,
 * api/internal/accumulator/resaccumulator.go): the objects, in order, the vars declared by this
 * kustomization and the ones below it, and the transformer configuration of both. A component adds to
 * the accumulator of the kustomization that lists it instead of starting its own.
 */
final class ResAccumulator {
    private final List<WorkingObject> objects = new ArrayList<>();
    private final Vars vars = new Vars();
    private TransformerConfig config = TransformerConfig.empty();
    /** Ids of {@link #objects} while only {@link #append} changes them; dropped when the list is handed out. */
    private Map<String, WorkingObject> index;

    /** The objects, mutable: transformers change, add and remove them in place. */
    List<WorkingObject> objects() {
        index = null;
        return objects;
    }

    Vars vars() {
        return vars;
    }

    /** The transformer configuration accumulated so far (the bases', then this kustomization's). */
    TransformerConfig config() {
        return config;
    }

    void config(TransformerConfig newConfig) {
        this.config = newConfig;
    }

    /**
     * Adds an object, refusing a second object with the same current id as kustomize's ResMap.Append
     * does ({@code where} names the kustomization file for the message).
     */
    void append(WorkingObject object, String where) {
        if (index == null) {
            index = new HashMap<>();
            objects.forEach(o -> index.put(ResId.of(o).key(), o));
        }
        ResId id = ResId.of(object);
        WorkingObject existing = index.putIfAbsent(id.key(), object);
        if (existing != null) {
            throw new InvalidInputException(where + ": may not add resource with an already registered id: " + id
                    + " (" + object.describe() + " and " + existing.describe() + "); every object may be added"
                    + " once, remove one of them or rename it in the layer that adds it");
        }
        objects.add(object);
    }

    /** Adds everything another accumulator (a base) holds: its objects, its configuration, then its vars. */
    void merge(ResAccumulator other, String where) {
        for (WorkingObject object : other.objects) {
            append(object, where);
        }
        config = config.merge(other.config, where);
        vars.mergeAll(other.vars, where);
    }
}
