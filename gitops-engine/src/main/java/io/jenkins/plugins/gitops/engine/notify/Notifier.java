package io.jenkins.plugins.gitops.engine.notify;

/**
 * Where the engine's {@link NotificationEvent}s go. The command and the agent send them to the receivers given
 * on the command line or in the environment, the Jenkins plugin to those configured with credentials
 * ({@link ReceiverNotifier}). {@link #send} must return at once and never throw: a notification never blocks
 * or fails the operation that caused it.
 */
public interface Notifier extends AutoCloseable {
    /** Sends nothing. */
    Notifier NONE = event -> {
    };

    /** Queues the event for its receivers; returns at once. */
    void send(NotificationEvent event);

    /** Ends this notifier's use; one that owns its delivery waits (bounded) for what is queued. */
    @Override
    default void close() {
    }
}
