package io.jenkins.plugins.gitops.engine.model;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parsed and validated gitops.yaml of a repository: its environments, in file order, the
 * {@code preview:} sections keyed by the environment that declares them (their template), and each
 * environment's {@code notifications:} resolved with the defaults (docs/notifications.md).
 */
public record ProjectConfig(Map<String, Environment> environments, Map<String, PreviewSpec> previews,
        Map<String, NotificationRules> notifications) {
    public static final String FILE_NAME = "gitops.yaml";

    public ProjectConfig {
        environments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        previews = previews == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(previews));
        notifications = notifications == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notifications));
    }

    /** A project without notifications. */
    public ProjectConfig(Map<String, Environment> environments, Map<String, PreviewSpec> previews) {
        this(environments, previews, Map.of());
    }

    /** Which receivers each trigger of the named environment goes to; none for an unknown environment. */
    public NotificationRules notifications(String environment) {
        return notifications.getOrDefault(environment, NotificationRules.NONE);
    }

    /** A project without previews. */
    public ProjectConfig(Map<String, Environment> environments) {
        this(environments, Map.of());
    }

    /** The same environments, owned by the repository with this stable id ({@link TrackingId#repositoryId}). */
    public ProjectConfig withRepository(String repositoryId) {
        Map<String, Environment> owned = new LinkedHashMap<>();
        environments.forEach((name, env) -> owned.put(name, env.withRepository(repositoryId)));
        return new ProjectConfig(owned, previews, notifications);
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

    /** The {@code preview:} of the named environment, or a clear error naming those that have one. */
    public PreviewSpec preview(String environment) {
        environment(environment);
        PreviewSpec spec = previews.get(environment);
        if (spec == null) {
            throw new InvalidInputException(FILE_NAME + ": environment '" + environment + "' has no preview: section"
                    + (previews.isEmpty() ? "; add one to make previews of it (see docs/previews.md)"
                            : " (environments with previews: " + String.join(", ", previews.keySet()) + ")"));
        }
        return spec;
    }
}
