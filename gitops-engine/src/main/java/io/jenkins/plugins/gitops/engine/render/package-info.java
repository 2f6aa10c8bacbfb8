/**
 * Desired state from an environment folder at a revision: plain YAML, kustomize, Helm charts and
 * (in {@code compose}) docker-compose files. Everything is validated before anything is applied.
 */
package io.jenkins.plugins.gitops.engine.render;
