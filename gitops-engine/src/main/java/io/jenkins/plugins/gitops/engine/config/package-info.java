/**
 * The project file {@code gitops.yaml}: {@link io.jenkins.plugins.gitops.engine.config.ProjectConfigLoader}
 * reads it with SnakeYAML's node API (so every problem names its line and key path), applies the
 * {@code defaults:} section, checks every value and the relations between environments
 * (promotion chain, shared targets), and returns {@link io.jenkins.plugins.gitops.engine.model.ProjectConfig}.
 * All problems of a file are reported together in one
 * {@link io.jenkins.plugins.gitops.engine.InvalidInputException}. {@link io.jenkins.plugins.gitops.engine.config.Durations}
 * is the project's one duration syntax ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m}).
 * The user-facing reference is {@code docs/gitops-yaml.md}.
 */
package io.jenkins.plugins.gitops.engine.config;
