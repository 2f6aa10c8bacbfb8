/**
 * The engine's vocabulary as plain data: resource identities and manifests, desired state,
 * environments and the project file. Depends on nothing else in the engine.
 */
package io.jenkins.plugins.gitops.engine.model;
