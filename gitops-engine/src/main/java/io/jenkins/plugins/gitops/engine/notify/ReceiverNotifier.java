package io.jenkins.plugins.gitops.engine.notify;

import io.jenkins.plugins.gitops.engine.GitOpsException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The {@link Notifier} of the command, the agent and the plugin: each receiver name of an event is looked up in
 * the operator's {@link ReceiverDirectory} and the event is queued on a {@link WebhookSender}. A name nobody
 * defined is a warning (once per name), never an error: the operation that caused the event goes on.
 */
public final class ReceiverNotifier implements Notifier {
    private final ReceiverDirectory receivers;
    private final WebhookSender sender;
    private final Duration exitWait;
    private final Consumer<String> log;
    private final String howToDefine;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * @param exitWait    how long {@link #close} waits for pending deliveries before stopping the sender; null for a
     *                    shared sender this notifier must not stop (Jenkins)
     * @param log         where warnings go
     * @param howToDefine how an operator defines a receiver here, for the warning about an undefined one
     */
    public ReceiverNotifier(ReceiverDirectory receivers, WebhookSender sender, Duration exitWait, Consumer<String> log,
            String howToDefine) {
        this.receivers = receivers;
        this.sender = sender;
        this.exitWait = exitWait;
        this.log = log;
        this.howToDefine = howToDefine;
    }

    @Override
    public void send(NotificationEvent event) {
        for (String name : event.receivers()) {
            try {
                receivers.find(name).ifPresentOrElse(r -> sender.send(r, event), () -> {
                    if (warned.add(name)) {
                        log.accept("notification " + event.headline() + ": receiver '" + name + "' is not defined, not"
                                + " sent; " + howToDefine.replace("{NAME}", name).replace("{VARIABLE}",
                                        Receiver.variable(name, "URL")));
                    }
                });
            } catch (GitOpsException e) {
                log.accept("notification " + event.headline() + ": receiver '" + name + "': " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        if (exitWait != null) {
            sender.close(exitWait);
        }
    }
}
