package io.jenkins.plugins.gitops.cli.agent;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running agent: HTTP endpoints first (so {@code /health} answers while the configuration
 * loads), then the drift scheduler. {@link #stop()} is what SIGTERM runs: no new checks, wait for
 * the running ones (bounded), close the endpoints and the facade.
 */
public final class Agent {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final Duration stopTimeout;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile DriftScheduler scheduler;
    private volatile AgentHttpServer http;
    private boolean stopping;

    /** @param stopTimeout how long {@link #stop()} waits for running checks */
    public Agent(Duration stopTimeout) {
        this.stopTimeout = stopTimeout;
    }

    /** Starts the endpoints; {@code /ready} stays 503 until {@link #start} has run and every environment was checked once. */
    public synchronized int serve(InetSocketAddress address, Supplier<String> metrics) {
        http = AgentHttpServer.start(address, this::ready, metrics);
        return http.port();
    }

    /**
     * Starts checking; {@code closeAfterChecks} (the facade) are closed by {@link #stop()} after the
     * last check. Returns false, starting nothing, when a stop came first (SIGTERM while the
     * configuration was loading); the caller then closes those resources itself.
     */
    public synchronized boolean start(DriftScheduler driftScheduler, AutoCloseable... closeAfterChecks) {
        if (stopping) {
            return false;
        }
        resources.addAll(List.of(closeAfterChecks));
        scheduler = driftScheduler;
        driftScheduler.start();
        return true;
    }

    /** Configuration loaded and the first round of checks done. */
    public boolean ready() {
        DriftScheduler current = scheduler;
        return current != null && current.firstRoundDone();
    }

    /**
     * Stops cleanly; safe to call more than once and from a shutdown hook. Returns whether the
     * running checks ended within the stop timeout.
     */
    public boolean stop() {
        synchronized (this) {
            if (stopping) {
                waitForOtherStop();
                return true;
            }
            stopping = true;
        }
        LOG.info("stopping: no new drift checks, waiting up to {} s for running ones", stopTimeout.toSeconds());
        boolean clean = true;
        try {
            if (scheduler != null) {
                clean = scheduler.stop(stopTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clean = false;
        } finally {
            closeAll();
            stopped.countDown();
        }
        LOG.info(clean ? "stopped" : "stopped; some drift checks were interrupted");
        return clean;
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** The port of the endpoints (-1 before {@link #serve}). */
    public int port() {
        AgentHttpServer current = http;
        return current == null ? -1 : current.port();
    }

    private void waitForOtherStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeAll() {
        List<AutoCloseable> toClose = new ArrayList<>();
        if (http != null) {
            toClose.add(http);
        }
        toClose.addAll(resources);
        for (AutoCloseable resource : toClose) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
