/**
 * docker-compose files rendered the way {@code docker stack deploy} deploys them: interpolation from
 * sync variables and {@code .env}, one Swarm Service/Network/Config/Secret resource per object in
 * Docker Engine API form ({@link io.jenkins.plugins.gitops.engine.render.compose.StackObjects}), in
 * the units the daemon stores so that an unchanged file compares equal to what is live.
 */
package io.jenkins.plugins.gitops.engine.render.compose;
