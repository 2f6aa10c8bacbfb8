package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import java.util.Map;

/**
 * What a {@link SyncOperation} syncs: which environment a request's name means at a snapshot, and
 * its desired state. Declared environments are read from gitops.yaml and rendered as they are; a
 * preview is an environment derived from its template and rendered with rewrites.
 */
interface SyncSubject {
    SyncSubject DECLARED = new SyncSubject() {
    };

    /** The environment to sync; an {@link InvalidInputException} when the name means none. */
    default Environment environment(Repository.Snapshot snapshot, String name) {
        return snapshot.config().environment(name);
    }

    /** The desired state of {@code environment} at {@code snapshot}, for a cluster serving {@code capabilities}. */
    default DesiredState render(EngineContext context, Repository.Snapshot snapshot, Environment environment,
            Map<String, String> variables, ClusterCapabilities capabilities) {
        return context.render(snapshot, environment, variables, capabilities);
    }
}
