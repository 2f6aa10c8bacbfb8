package io.jenkins.plugins.gitops;

import hudson.model.TaskListener;
import hudson.util.Secret;
import io.jenkins.plugins.gitops.engine.GitOpsException;
import io.jenkins.plugins.gitops.engine.notify.DeliverySettings;
import io.jenkins.plugins.gitops.engine.notify.Notifier;
import io.jenkins.plugins.gitops.engine.notify.Receiver;
import io.jenkins.plugins.gitops.engine.notify.ReceiverDirectory;
import io.jenkins.plugins.gitops.engine.notify.ReceiverNotifier;
import io.jenkins.plugins.gitops.engine.notify.WebhookSender;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The notifier of an engine session: the receivers configured in {@link GitOpsConfiguration}, their URLs and
 * tokens read from global secret text credentials (an administrator's, like the configuration itself), delivered
 * by one sender shared by the controller, so no step waits for a receiver and a build's end loses nothing queued.
 * A receiver whose credentials are missing or of the wrong type is a line in the log, never a failed step.
 */
final class Notifications {
    private static final Logger LOGGER = Logger.getLogger(Notifications.class.getName());
    /** Daemon threads, made at the first event; one per controller. */
    private static final WebhookSender SENDER = new WebhookSender(DeliverySettings.DEFAULTS,
            message -> LOGGER.warning(message));

    private Notifications() {
    }

    /**
     * A notifier for one session; every URL and token read is added to {@code secrets} (the session's masking).
     * Closing it leaves the shared sender running.
     */
    static Notifier notifier(GitOpsConfiguration config, Collection<String> secrets, TaskListener log) {
        List<NotificationReceiver> configured = config.getReceivers();
        if (configured.isEmpty()) {
            return new ReceiverNotifier(ReceiverDirectory.NONE, SENDER, null, log.getLogger()::println,
                    "add it under Manage Jenkins > System > GitOps > Notification receivers");
        }
        CredentialsLookup global = CredentialsLookup.global("notifications");
        List<Receiver> receivers = new ArrayList<>();
        for (NotificationReceiver r : configured) {
            try {
                String url = secretText(global, r.getCredentialsId(), r.getName(), secrets);
                String token = r.getTokenCredentialsId() == null ? null
                        : secretText(global, r.getTokenCredentialsId(), r.getName(), secrets);
                if (url != null) {
                    receivers.add(Receiver.of(r.getName(), r.getType() + ":" + url, token,
                            "GitOps notification receiver '" + r.getName() + "'"));
                }
            } catch (GitOpsException e) {
                log.getLogger().println("GitOps: " + e.getMessage());
            }
        }
        return new ReceiverNotifier(ReceiverDirectory.of(receivers), SENDER, null, log.getLogger()::println,
                "add it under Manage Jenkins > System > GitOps > Notification receivers");
    }

    private static String secretText(CredentialsLookup lookup, String id, String receiver, Collection<String> secrets) {
        StringCredentials found = id == null ? null : lookup.find(id, StringCredentials.class);
        if (found == null) {
            LOGGER.log(Level.WARNING, "GitOps notification receiver ''{0}'': no secret text credentials ''{1}''; its"
                    + " events are not sent", new Object[] {receiver, id});
            return null;
        }
        String value = Secret.toString(found.getSecret()).trim();
        secrets.add(value);
        return value;
    }
}
