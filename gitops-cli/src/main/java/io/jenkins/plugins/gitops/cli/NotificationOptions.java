package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.config.Durations;
import io.jenkins.plugins.gitops.engine.notify.DeliverySettings;
import io.jenkins.plugins.gitops.engine.notify.Notifier;
import io.jenkins.plugins.gitops.engine.notify.Receiver;
import io.jenkins.plugins.gitops.engine.notify.ReceiverDirectory;
import io.jenkins.plugins.gitops.engine.notify.ReceiverNotifier;
import io.jenkins.plugins.gitops.engine.notify.WebhookSender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * Where the events that gitops.yaml's {@code notifications:} subscribe go (docs/notifications.md): receivers by
 * name from {@code --receiver} and from {@code GITOPS_RECEIVER_<NAME>_URL} (prefer the variables: options are
 * visible to other users of the machine), the link events carry, and how long the command waits at exit.
 */
public final class NotificationOptions {
    @Option(names = "--receiver", paramLabel = "NAME=[slack:|webhook:]URL",
            description = "a receiver gitops.yaml names (repeatable); or set $GITOPS_RECEIVER_<NAME>_URL (and _TYPE, _TOKEN)")
    List<String> receivers = new ArrayList<>();

    @Option(names = "--notification-link", paramLabel = "URL",
            description = "the link notifications carry (default: $GITOPS_NOTIFICATION_LINK; the agent: its own address)")
    String link;

    @Option(names = "--notification-wait", paramLabel = "DURATION", defaultValue = "15s",
            description = "at exit, how long to wait for notifications still being sent (default: ${DEFAULT-VALUE})")
    String wait = "15s";

    /** The receivers of the options, then of the environment variables. */
    public ReceiverDirectory directory(Map<String, String> env) {
        List<Receiver> given = new ArrayList<>();
        for (String spec : receivers) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("--receiver: expected NAME=URL (e.g. ops-slack=slack:https://hooks.slack.com/...)"
                        + ", found no '='");
            }
            String name = spec.substring(0, eq).trim();
            given.add(Receiver.of(name, spec.substring(eq + 1), env.get(Receiver.variable(name, "TOKEN")),
                    "--receiver " + name));
        }
        return ReceiverDirectory.of(given).orElse(ReceiverDirectory.fromEnvironment(env));
    }

    /** The link given, or {@code fallback} (the agent's address; null for one-shot commands). */
    public String link(Map<String, String> env, String fallback) {
        String value = link != null ? link : env.get("GITOPS_NOTIFICATION_LINK");
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A notifier that delivers in the background and, when the facade closes, waits at most {@code --notification-wait}. */
    public Notifier notifier(Map<String, String> env, Consumer<String> log) {
        Duration exitWait = Durations.parse(wait);
        return new ReceiverNotifier(directory(env), new WebhookSender(DeliverySettings.DEFAULTS, log), exitWait, log,
                "define it with --receiver {NAME}=URL or ${VARIABLE}");
    }
}
