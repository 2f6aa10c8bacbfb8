/**
 * Notifications: which events of an environment go to which named receivers ({@code notifications:} in
 * gitops.yaml, {@link io.jenkins.plugins.gitops.engine.notify.NotificationRules}), the events
 * ({@link io.jenkins.plugins.gitops.engine.notify.NotificationEvent}, triggers named as Argo CD Notifications
 * names them), and their delivery to generic JSON and Slack-compatible webhooks with retries, off the
 * operation's thread ({@link io.jenkins.plugins.gitops.engine.notify.WebhookSender}). Receivers' URLs and tokens
 * come from the operator ({@link io.jenkins.plugins.gitops.engine.notify.ReceiverDirectory}), never from the
 * repository. User documentation: docs/notifications.md.
 */
package io.jenkins.plugins.gitops.engine.notify;
