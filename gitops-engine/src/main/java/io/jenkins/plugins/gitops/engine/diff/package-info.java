/**
 * Desired against live, field by field: only what Git sets is compared, ignore rules are honoured
 * and secret values are always redacted. Knows nothing of the sync planner.
 */
package io.jenkins.plugins.gitops.engine.diff;
