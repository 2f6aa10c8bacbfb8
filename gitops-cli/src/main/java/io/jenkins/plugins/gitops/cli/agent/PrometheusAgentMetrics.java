package io.jenkins.plugins.gitops.cli.agent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's own Prometheus registry: drift and sync-status gauges per environment, plus a count
 * and timer of checks by result. {@link #scrape()} is the text served on {@code /metrics}.
 */
public final class PrometheusAgentMetrics implements AgentMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, AtomicInteger> drift = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> syncStatus = new ConcurrentHashMap<>();

    @Override
    public void setDrift(String environment, int objects) {
        gauge(drift, "gitops.drift.resources", "objects changed, deleted or added outside Git", environment).set(objects);
    }

    @Override
    public void setSyncStatus(String environment, int status) {
        gauge(syncStatus, "gitops.sync.status", "1 in sync with Git, 0 out of sync, -1 unknown (check failed)",
                environment).set(status);
    }

    @Override
    public void recordCheck(String environment, String result, Duration duration) {
        Counter.builder("gitops.drift.checks").description("drift checks run by the agent")
                .tag("environment", environment).tag("result", result).register(registry).increment();
        Timer.builder("gitops.drift.check.duration").description("time of one drift check")
                .tag("environment", environment).register(registry).record(duration);
    }

    /** Prometheus text exposition format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    private AtomicInteger gauge(Map<String, AtomicInteger> values, String name, String help, String environment) {
        return values.computeIfAbsent(environment, env -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder(name, value, AtomicInteger::get).description(help).tag("environment", env).register(registry);
            return value;
        });
    }
}
