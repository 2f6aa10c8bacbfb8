package io.jenkins.plugins.gitops.engine.model;

import java.util.List;

/**
 * What Git says an environment should run at one revision: the rendered objects, in file order,
 * and warnings the renderer wants the user to see (ignored compose keys, for example).
 */
public record DesiredState(String environment, String revision, List<Resource> resources, List<String> warnings) {
    public DesiredState {
        resources = List.copyOf(resources);
        warnings = List.copyOf(warnings);
    }

    public DesiredState withResources(List<Resource> newResources) {
        return new DesiredState(environment, revision, newResources, warnings);
    }
}
