/**
 * The Jenkins side of GitOps: thin adapters from Pipeline steps, credentials, build and job pages
 * and a periodic worker to the engine's {@code GitOps} facade. Logic that does not need Jenkins
 * lives in {@code io.jenkins.plugins.gitops.engine.pipeline} in the engine, where it is unit-tested.
 */
package io.jenkins.plugins.gitops;
