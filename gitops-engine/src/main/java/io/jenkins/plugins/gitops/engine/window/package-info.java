/**
 * Deployment windows (docs/windows.md): when an environment may be deployed, with Argo CD's sync window rules
 * ({@code pkg/apis/application/v1alpha1/types.go}: deny wins over allow; outside every allow window is closed;
 * {@code manualSync}, here {@code applies: automatic}, exempts manual operations).
 * {@link io.jenkins.plugins.gitops.engine.window.CronSchedule} reads a five-field cron expression (cron-utils, UNIX
 * definition) on a zone's wall clock with robfig/cron's daylight-saving rules;
 * {@link io.jenkins.plugins.gitops.engine.window.SyncWindows} evaluates an environment's windows at an instant into
 * a {@link io.jenkins.plugins.gitops.engine.window.WindowState} (open or closed for automatic and manual operations,
 * why, and the next change); {@link io.jenkins.plugins.gitops.engine.window.WindowOverlaps} explains overlapping
 * allow and deny windows. The facade applies them (refusal: {@link io.jenkins.plugins.gitops.engine.window.WindowClosedException});
 * nothing here knows Git, targets or Jenkins.
 */
package io.jenkins.plugins.gitops.engine.window;
