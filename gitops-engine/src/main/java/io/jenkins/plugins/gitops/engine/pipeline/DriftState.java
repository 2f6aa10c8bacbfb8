package io.jenkins.plugins.gitops.engine.pipeline;

import java.io.Serializable;
import java.time.Instant;

/**
 * The last drift check of an environment, kept by the drift worker for the job page. A plain class
 * with getters (not a record) so Jelly views and Jenkins' XStream handle it.
 */
public final class DriftState implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Result of one check. */
    public enum Kind { IN_SYNC, DRIFTED, OUT_OF_SYNC_WITH_GIT, HEALED, FAILED }

    private final String environment;
    private final Kind kind;
    private final int driftedObjects;
    private final String detail;
    private final long checkedAtMillis;

    public DriftState(String environment, Kind kind, int driftedObjects, String detail, Instant checkedAt) {
        this.environment = environment;
        this.kind = kind;
        this.driftedObjects = driftedObjects;
        this.detail = detail == null ? "" : detail;
        this.checkedAtMillis = checkedAt.toEpochMilli();
    }

    public String getEnvironment() {
        return environment;
    }

    public Kind getKind() {
        return kind;
    }

    public int getDriftedObjects() {
        return driftedObjects;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getCheckedAt() {
        return Instant.ofEpochMilli(checkedAtMillis);
    }

    /** For the job page: "In sync", "Drifted (2 objects)", "Check failed: ...". */
    public String getSummary() {
        return switch (kind) {
            case IN_SYNC -> "In sync";
            case DRIFTED -> "Drifted (" + driftedObjects + (driftedObjects == 1 ? " object)" : " objects)");
            case OUT_OF_SYNC_WITH_GIT -> "Out of sync with Git";
            case HEALED -> "Healed (" + driftedObjects + (driftedObjects == 1 ? " object)" : " objects)");
            case FAILED -> "Check failed: " + detail;
        };
    }
}
