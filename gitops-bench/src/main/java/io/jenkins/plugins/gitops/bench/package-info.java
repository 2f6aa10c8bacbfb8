/**
 * Benchmarks that compare the engine with the tools it replaces, on real daemons. Not used by the
 * engine itself: run them with {@code bench/swarm.sh} (see docs/benchmarks.md).
 */
package io.jenkins.plugins.gitops.bench;
