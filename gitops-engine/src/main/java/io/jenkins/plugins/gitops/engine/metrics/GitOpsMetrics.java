package io.jenkins.plugins.gitops.engine.metrics;

import io.jenkins.plugins.gitops.engine.delivery.DeliveryMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The engine's Prometheus metrics:
 * <ul>
 * <li>{@code gitops_deployment_duration_seconds{environment,component,status}}: histogram of deployment wall time</li>
 * <li>{@code gitops_deployments_total{environment,component,status}}: deployments by outcome</li>
 * <li>{@code gitops_rollbacks_total{environment,trigger,reason}}: rollbacks, manual or automatic</li>
 * <li>{@code gitops_drift_resources{environment}}: objects drifted from Git at the last check</li>
 * <li>{@code gitops_sync_status{environment}}: {@value #SYNCED} synced, {@value #OUT_OF_SYNC} out of sync
 * with Git (drift, or Git moved past the last synced revision), {@value #FAILED} the last sync or check failed</li>
 * <li>delivery performance over a trailing window ({@link #setDelivery}), NaN while a figure has nothing to
 * measure: {@code gitops_delivery_deployment_frequency_per_day{environment}},
 * {@code gitops_delivery_lead_time_median_seconds{environment}}, {@code gitops_delivery_lead_time_p90_seconds{environment}},
 * {@code gitops_delivery_change_failure_ratio{environment}} (0..1) and
 * {@code gitops_delivery_time_to_restore_median_seconds{environment}}</li>
 * </ul>
 * {@code status} is {@code succeeded} or {@code failed}; {@code trigger} one of manual, pipeline, agent,
 * self-heal, auto; {@code component} and {@code reason} short slugs (a service or workload name, a reason
 * code such as {@code health-timeout}). Never pass revisions, messages or values: see {@link LabelValues}.
 */
public final class GitOpsMetrics implements AutoCloseable {
    public static final int SYNCED = 1;
    public static final int OUT_OF_SYNC = 0;
    public static final int FAILED = -1;
    /** Content type of {@link #scrape()}. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    static final Set<String> STATUSES = Set.of("succeeded", "failed");
    static final Set<String> TRIGGERS = Set.of("manual", "pipeline", "agent", "self-heal", "auto");
    private static final Duration[] BUCKETS = {Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
        Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30)};

    private final PrometheusMeterRegistry registry;
    private final LabelValues labels = new LabelValues();
    // gauges read these; Micrometer only holds them weakly
    private final Map<String, AtomicInteger> drift = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> syncStatus = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<DeliveryMetrics>> delivery = new ConcurrentHashMap<>();

    public GitOpsMetrics() {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** Uses an existing registry (to add JVM or HTTP metrics to the same scrape). */
    public GitOpsMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    public void recordDeployment(String environment, String component, String status, Duration duration) {
        String env = labels.open("environment", environment);
        String comp = labels.open("component", component);
        String st = LabelValues.closed(status, STATUSES);
        Timer.builder("gitops.deployment.duration").description("Wall time of deployments")
                .tags("environment", env, "component", comp, "status", st).serviceLevelObjectives(BUCKETS)
                .register(registry).record(duration.isNegative() ? Duration.ZERO : duration);
        Counter.builder("gitops.deployments").description("Deployments by outcome")
                .tags("environment", env, "component", comp, "status", st).register(registry).increment();
    }

    public void recordRollback(String environment, String trigger, String reason) {
        Counter.builder("gitops.rollbacks").description("Rollbacks by trigger and reason")
                .tags("environment", labels.open("environment", environment), "trigger",
                        LabelValues.closed(trigger, TRIGGERS), "reason", labels.open("reason", reason))
                .register(registry).increment();
    }

    public void setDrift(String environment, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("drift count cannot be negative: " + count);
        }
        gauge(drift, "gitops.drift.resources", "Objects drifted from Git at the last check", environment).set(count);
    }

    /** {@link #SYNCED}, {@link #OUT_OF_SYNC} or {@link #FAILED}. */
    public void setSyncStatus(String environment, int status) {
        if (status < FAILED || status > SYNCED) {
            throw new IllegalArgumentException("sync status is 1 (synced), 0 (out of sync) or -1 (failed), not " + status);
        }
        gauge(syncStatus, "gitops.sync.status", "1 synced, 0 out of sync with Git, -1 last sync or check failed",
                environment).set(status);
    }

    /** Sets the five delivery gauges of the metrics' environment (docs/delivery-metrics.md). */
    public void setDelivery(DeliveryMetrics figures) {
        String env = labels.open("environment", figures.environment());
        delivery.computeIfAbsent(env, e -> {
            AtomicReference<DeliveryMetrics> value = new AtomicReference<>();
            deliveryGauge("gitops.delivery.deployment.frequency.per.day", "Successful deployments per day over the window",
                    e, value, m -> m.perDay());
            deliveryGauge("gitops.delivery.lead.time.median.seconds", "Median commit-to-healthy time over the window",
                    e, value, m -> seconds(m.leadTimeMedian()));
            deliveryGauge("gitops.delivery.lead.time.p90.seconds", "90th percentile commit-to-healthy time over the window",
                    e, value, m -> seconds(m.leadTimeP90()));
            deliveryGauge("gitops.delivery.change.failure.ratio", "Failed changes / changes over the window (0..1)",
                    e, value, m -> m.changeFailureRate() == null ? Double.NaN : m.changeFailureRate());
            deliveryGauge("gitops.delivery.time.to.restore.median.seconds", "Median failure-to-healthy time over the window",
                    e, value, m -> seconds(m.timeToRestoreMedian()));
            return value;
        }).set(figures);
    }

    private void deliveryGauge(String name, String description, String environment,
            AtomicReference<DeliveryMetrics> value, ToDoubleFunction<DeliveryMetrics> figure) {
        Gauge.builder(name, value, v -> v.get() == null ? Double.NaN : figure.applyAsDouble(v.get()))
                .description(description).tags("environment", environment).register(registry);
    }

    private static double seconds(Duration d) {
        return d == null ? Double.NaN : d.toMillis() / 1000.0;
    }

    /** Every metric in the Prometheus text format ({@link #CONTENT_TYPE}). */
    public String scrape() {
        return registry.scrape();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        registry.close();
    }

    private AtomicInteger gauge(Map<String, AtomicInteger> values, String name, String description, String environment) {
        String env = labels.open("environment", environment);
        return values.computeIfAbsent(env, e -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder(name, value, AtomicInteger::get).description(description).tags("environment", e)
                    .register(registry);
            return value;
        });
    }
}
