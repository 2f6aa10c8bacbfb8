package io.jenkins.plugins.gitops.engine.health;

import java.util.Collection;

/** A health status and the reason for it, as shown to users ("2/3 replicas available"). */
public record Health(HealthStatus status, String message) {
    public static final Health HEALTHY = new Health(HealthStatus.HEALTHY, "");
    public static final Health MISSING = new Health(HealthStatus.MISSING, "object does not exist");

    public static Health healthy(String message) {
        return new Health(HealthStatus.HEALTHY, message);
    }

    public static Health progressing(String message) {
        return new Health(HealthStatus.PROGRESSING, message);
    }

    public static Health degraded(String message) {
        return new Health(HealthStatus.DEGRADED, message);
    }

    public static Health unknown(String message) {
        return new Health(HealthStatus.UNKNOWN, message);
    }

    /** The worst status of all (HEALTHY for none). */
    public static HealthStatus worst(Collection<Health> all) {
        return all.stream().map(Health::status).reduce(HealthStatus.HEALTHY, HealthStatus::worst);
    }

    @Override
    public String toString() {
        return status.displayName() + (message == null || message.isEmpty() ? "" : " (" + message + ")");
    }
}
