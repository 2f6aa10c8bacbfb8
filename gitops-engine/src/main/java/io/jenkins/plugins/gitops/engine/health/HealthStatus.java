package io.jenkins.plugins.gitops.engine.health;

/**
 * The closed set of health states, ordered from best to worst: the health of a group of objects is
 * the worst of its members.
 */
public enum HealthStatus {
    HEALTHY, PROGRESSING, MISSING, DEGRADED, UNKNOWN;

    public HealthStatus worst(HealthStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public String displayName() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
