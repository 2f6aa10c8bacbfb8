package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.render.Kustomization.Replica;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Kustomize {@code replicas:} (ReplicaCountTransformer): sets the count in the {@code replicas} field specs
 * of every object that has, or had, the given name and a kind those specs name; an entry that finds no
 * object is an error, as in kustomize.
 */
final class ReplicaCount {
    private ReplicaCount() {
    }

    static void apply(List<WorkingObject> objects, Replica replica, List<FieldSpec> specs, String where) {
        boolean found = false;
        for (FieldSpec spec : specs) {
            for (WorkingObject o : objects) {
                boolean matches = o.ids().stream().anyMatch(id -> id.name().equals(replica.name())
                        && NameReferences.selects(spec.group(), spec.version(), spec.kind(), id));
                if (matches) {
                    found = true;
                    Object count = replica.count() <= Integer.MAX_VALUE ? (Object) (int) replica.count()
                            : (Object) replica.count();
                    spec.visit(o, FieldSpec.Create.SCALAR, slot -> slot.set(count));
                }
            }
        }
        if (!found) {
            throw new InvalidInputException(where + ": replicas: no object named '" + replica.name() + "' of the kinds "
                    + specs.stream().map(FieldSpec::kind).distinct().collect(Collectors.joining(", "))
                    + " (resource with name " + replica.name() + " does not match a config); check the name");
        }
    }
}
