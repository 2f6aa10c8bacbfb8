/**
 * Sync: a plan as plain data ({@link io.jenkins.plugins.gitops.engine.sync.SyncPlanner}: ordinary objects by
 * wave and kind, hooks by phase and wave in {@link io.jenkins.plugins.gitops.engine.sync.HookTasks}), and an
 * executor that runs it in Argo CD's order (namespaces, PreSync hooks, waves with their Sync hooks, prune,
 * health, PostSync hooks, SyncFail hooks on failure) with retries ({@link io.jenkins.plugins.gitops.engine.sync.HookRunner}
 * runs the hooks). Objects protected by Argo CD, Flux or Helm annotations are never pruned
 * ({@link io.jenkins.plugins.gitops.engine.sync.PruneProtection}).
 */
package io.jenkins.plugins.gitops.engine.sync;
