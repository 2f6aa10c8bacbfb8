package io.jenkins.plugins.gitops.engine.model;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parsed and validated gitops.yaml of a repository: its environments, in file order. */
public record ProjectConfig(Map<String, Environment> environments) {
    public static final String FILE_NAME = "gitops.yaml";

    public ProjectConfig {
        environments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    }

    /** The same environments, owned by the repository with this stable id ({@link TrackingId#repositoryId}). */
    public ProjectConfig withRepository(String repositoryId) {
        Map<String, Environment> owned = new LinkedHashMap<>();
        environments.forEach((name, env) -> owned.put(name, env.withRepository(repositoryId)));
        return new ProjectConfig(owned);
    }

    /** The named environment, or a clear error listing the known ones. */
    public Environment environment(String name) {
        Environment env = environments.get(name);
        if (env == null) {
            throw new InvalidInputException(FILE_NAME + ": no environment '" + name + "' (known: "
                    + String.join(", ", environments.keySet()) + ")");
        }
        return env;
    }
}
