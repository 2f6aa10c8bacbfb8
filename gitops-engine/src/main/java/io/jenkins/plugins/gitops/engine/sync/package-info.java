/**
 * Sync: a plan as plain data ({@link io.jenkins.plugins.gitops.engine.sync.SyncPlanner}), and an
 * executor that applies it in order with retries, prunes, and waits for health.
 */
package io.jenkins.plugins.gitops.engine.sync;
