/**
 * Docker Swarm target: {@link io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmTarget} talks to a
 * swarm manager over the Engine API (docker-java's httpclient5 transport, plain JSON), lists the
 * stack's objects by label, applies only what differs, and judges service health by task
 * convergence ({@link io.jenkins.plugins.gitops.engine.cluster.swarm.ServiceConvergence}).
 * {@link io.jenkins.plugins.gitops.engine.cluster.swarm.InternalConfigs} keeps the engine's own
 * bookkeeping (deployment history, environment locks) as internal-labelled configs of the stack.
 */
package io.jenkins.plugins.gitops.engine.cluster.swarm;
