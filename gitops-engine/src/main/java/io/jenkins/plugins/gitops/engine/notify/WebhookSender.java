package io.jenkins.plugins.gitops.engine.notify;

import io.jenkins.plugins.gitops.engine.config.Durations;
import io.jenkins.plugins.gitops.engine.model.Masking;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to receivers over HTTP ({@link HttpClient}), off the caller's thread: {@link #send} queues
 * and returns. Each delivery is a POST of {@link Payloads#body} ({@code application/json}), tried again with
 * exponential backoff after a 5xx, a 429 or a failed connection, at most {@link DeliverySettings#attempts} times;
 * a request that connected but got no answer within the timeout is not repeated (the receiver may have acted on
 * it). A delivery that gives up is a log line, never an exception. Redirects are not followed, so a token never
 * goes to another host.
 * <p>
 * Log lines name the receiver and the event, never the URL or token: they are masked out of any exception text.
 */
public final class WebhookSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final AtomicInteger SENDERS = new AtomicInteger();

    private final DeliverySettings settings;
    private HttpClient client;
    private ScheduledThreadPoolExecutor executor;
    private boolean closed;
    private final Consumer<String> log;
    private final Masking receiverSecrets = new Masking();
    private final AtomicInteger pending = new AtomicInteger();
    private final Object idle = new Object();

    /** A sender logging to SLF4J (warnings for deliveries given up or dropped). */
    public WebhookSender(DeliverySettings settings) {
        this(settings, LOG::warn);
    }

    /**
     * @param log where problems are reported, one line each (already masked). The HTTP client and the threads
     *            are made at the first {@link #send}, so a command that notifies nothing pays nothing.
     */
    public WebhookSender(DeliverySettings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    private synchronized ScheduledThreadPoolExecutor executor() {
        if (executor == null) {
            // HTTP/1.1: the JDK's default (HTTP/2) sends plain-http POSTs with "Upgrade: h2c", which some receivers
            // and proxies refuse; webhooks gain nothing from HTTP/2
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            int id = SENDERS.incrementAndGet();
            AtomicInteger threads = new AtomicInteger();
            ThreadFactory factory = task -> {
                Thread thread = new Thread(task, "gitops-notify-" + id + "-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            executor = new ScheduledThreadPoolExecutor(settings.threads(), factory);
            executor.setRemoveOnCancelPolicy(true);
            if (closed) {
                executor.shutdown();
            }
        }
        return executor;
    }

    /** Queues one delivery; returns at once. Dropped with a log line when {@code maxPending} are waiting. */
    public void send(Receiver receiver, NotificationEvent event) {
        receiverSecrets.add(receiver.secretValues());
        if (pending.incrementAndGet() > settings.maxPending()) {
            report(receiver, event, "dropped: " + settings.maxPending() + " notifications are already waiting");
            done();
            return;
        }
        String body = receiverSecrets.mask(Payloads.body(receiver, receiverSecrets.maskAll(event)));
        HttpRequest.Builder request = HttpRequest.newBuilder(receiver.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8").header("User-Agent", "jenkins-gitops")
                .header("X-GitOps-Trigger", event.trigger().id())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (receiver.type() == Receiver.Type.WEBHOOK && receiver.token() != null) {
            request.header("Authorization", "Bearer " + receiver.token());
        }
        Delivery delivery = new Delivery(receiver, event, request.build());
        schedule(delivery, Duration.ZERO);
    }

    /** Deliveries queued, being sent or waiting for a retry. */
    public int pending() {
        return pending.get();
    }

    /** Waits until nothing is pending, at most {@code max}; true when all were delivered or given up. */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (idle) {
            while (pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    /** Waits (at most {@code max}) for what is pending, then stops; what is still pending is reported as lost. */
    public void close(Duration max) {
        try {
            if (!awaitIdle(max)) {
                log.accept("notifications: " + pending.get() + " not delivered within " + Durations.format(max)
                        + " before exit; given up");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void schedule(Delivery delivery, Duration delay) {
        try {
            executor().schedule(() -> attempt(delivery), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            report(delivery.receiver, delivery.event, "dropped: the sender is stopped");
            done();
        }
    }

    private synchronized HttpClient httpClient() {
        return client;
    }

    private void attempt(Delivery delivery) {
        delivery.attempts++;
        try {
            HttpResponse<Void> response = httpClient().send(delivery.request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                LOG.debug("notification {} delivered to receiver '{}' (attempt {})", delivery.event.headline(),
                        delivery.receiver.name(), delivery.attempts);
                done();
            } else if (status >= 500 || status == 429) {
                retry(delivery, "HTTP " + status, retryAfter(response));
            } else {
                report(delivery, "refused with HTTP " + status + " (not retried: fix the receiver's URL or token)");
                done();
            }
        } catch (HttpConnectTimeoutException e) {
            retry(delivery, "no connection within " + Durations.format(settings.connectTimeout()), null);
        } catch (HttpTimeoutException e) {
            report(delivery, "no answer within " + Durations.format(settings.timeout()) + " (not retried: the receiver may"
                    + " have acted on it)");
            done();
        } catch (IOException e) {
            retry(delivery, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done();
        } catch (RuntimeException e) {
            report(delivery, "failed: " + e);
            done();
        }
    }

    private void retry(Delivery delivery, String reason, Duration retryAfter) {
        if (delivery.attempts >= settings.attempts()) {
            report(delivery, "gave up after " + delivery.attempts + " attempt(s): " + reason);
            done();
            return;
        }
        Duration delay = settings.delayBefore(delivery.attempts + 1);
        if (retryAfter != null) {
            delay = retryAfter.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : retryAfter;
        }
        LOG.info("notification {} to receiver '{}': {}; attempt {} in {}ms", delivery.event.headline(),
                delivery.receiver.name(), receiverSecrets.mask(reason), delivery.attempts + 1, delay.toMillis());
        schedule(delivery, delay);
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }

    private void report(Delivery delivery, String what) {
        report(delivery.receiver, delivery.event, what);
    }

    private void report(Receiver receiver, NotificationEvent event, String what) {
        log.accept(receiverSecrets.mask("notification " + event.headline() + " to receiver '" + receiver.name() + "' ("
                + receiver.type().id() + "): " + what));
    }

    private void done() {
        if (pending.decrementAndGet() <= 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    private static final class Delivery {
        final Receiver receiver;
        final NotificationEvent event;
        final HttpRequest request;
        int attempts;

        Delivery(Receiver receiver, NotificationEvent event, HttpRequest request) {
            this.receiver = receiver;
            this.event = event;
            this.request = request;
        }
    }
}
