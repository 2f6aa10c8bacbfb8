package io.jenkins.plugins.gitops.engine.history;

import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.policy.Workloads;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The release of a desired state: the image reference of every container. Keys are
 * {@code <Kind>/<name>/<container>} for Kubernetes pod templates (init containers included) and
 * the service name for Swarm services.
 */
public final class ReleaseExtractor {
    private ReleaseExtractor() {
    }

    public static Map<String, String> release(DesiredState state) {
        Map<String, String> release = new TreeMap<>();
        for (Resource resource : state.resources()) {
            if (Workloads.isSwarmService(resource)) {
                Object image = Workloads.swarmContainerSpec(resource).get("Image");
                if (image != null) {
                    release.put(resource.name(), String.valueOf(image));
                }
                continue;
            }
            for (Workloads.Container c : Workloads.containers(resource)) {
                Object image = c.spec().get("image");
                if (image != null) {
                    release.put(resource.kind() + "/" + resource.name() + "/" + c.name(), String.valueOf(image));
                }
            }
        }
        return Collections.unmodifiableMap(release);
    }
}
