package io.jenkins.plugins.gitops.engine.config;

import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import java.util.List;

/**
 * A valid project file and the warnings about it ({@code file:line: key.path: message}): settings
 * that work but are probably not what the author meant, such as approvers without
 * {@code sync: approval}. Commands that validate a repository show the warnings.
 */
public record LoadedConfig(ProjectConfig config, List<String> warnings) {
    public LoadedConfig {
        warnings = List.copyOf(warnings);
    }
}
