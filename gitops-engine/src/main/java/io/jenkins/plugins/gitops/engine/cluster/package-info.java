/**
 * Targets: the places environments run. {@link io.jenkins.plugins.gitops.engine.cluster.Target} is
 * the SPI; {@code kubernetes} (fabric8) and {@code swarm} (docker-java) implement it.
 */
package io.jenkins.plugins.gitops.engine.cluster;
