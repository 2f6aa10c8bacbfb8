package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.api.SyncResult;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One deployment done by a Jenkins run (sync, diff, promote or rollback), as the build and job
 * pages show it. Built only from engine results, which are already redacted, and from the step's
 * arguments without credentials: nothing secret is ever stored here.
 *
 * <p>Jenkins persists it with the build ({@code build.xml}, XStream). Its persisted form is a
 * contract: plain fields of types Jenkins' class filter accepts (String, primitives,
 * {@code ArrayList}, {@link ObjectRow}), this class and {@link ObjectRow} named in the plugin's
 * {@code META-INF/hudson.remoting.ClassFilter} (core {@code jenkins.security.CustomClassFilter}),
 * and a {@link #FORMAT} number so that {@link #readResolve()} can bring older forms up to date.
 * Renaming or moving this class needs an XStream alias for old builds. To keep {@code build.xml}
 * small, only changed objects are kept (at most {@link #MAX_OBJECTS}), each diff cut at
 * {@link #MAX_DIFF_CHARS} characters.
 */
public final class DeploymentEntry implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The persisted form: 1 (or absent) = every object kept; 2 = changed objects only, diffs cut. */
    public static final int FORMAT = 2;
    /** Changed objects kept per entry; the rest are counted in {@link #getOmittedObjects()}. */
    public static final int MAX_OBJECTS = 200;
    /** Characters of one object's diff kept; a longer diff ends with a note saying how much was cut. */
    public static final int MAX_DIFF_CHARS = 8_000;

    private final int format;
    private final String id;
    private final String operation;
    private final String environment;
    private final String repository;
    private final String revision;
    private final String target;
    private final boolean succeeded;
    private final boolean dryRun;
    private final String message;
    private final String health;
    private final int created;
    private final int updated;
    private final int deleted;
    private final int unchanged;
    private final ArrayList<String> release;
    private final ArrayList<String> warnings;
    private final ArrayList<ObjectRow> objects;
    private final int omittedObjects;
    private final String actor;
    private final String approvedBy;
    /** Signer of the deployed commit (a record's {@code signer}); null when not verified, and in entries before it existed. */
    private final String signer;
    private final long startedAtMillis;
    private final long durationMillis;

    private DeploymentEntry(Builder b) {
        this.format = FORMAT;
        this.id = b.id;
        this.operation = b.operation;
        this.environment = b.environment;
        this.repository = b.repository;
        this.revision = b.revision;
        this.target = b.target;
        this.succeeded = b.succeeded;
        this.dryRun = b.dryRun;
        this.message = b.message == null ? "" : b.message;
        this.health = b.health == null ? "Unknown" : b.health;
        this.created = b.created;
        this.updated = b.updated;
        this.deleted = b.deleted;
        this.unchanged = b.unchanged;
        this.release = new ArrayList<>(b.release);
        this.warnings = new ArrayList<>(b.warnings);
        List<ObjectRow> changed = b.objects.stream().filter(ObjectRow::isChanged).toList();
        this.objects = new ArrayList<>(changed.stream().limit(MAX_OBJECTS).map(o -> o.cut(MAX_DIFF_CHARS)).toList());
        this.omittedObjects = b.omittedObjects + changed.size() - objects.size();
        this.actor = b.actor;
        this.approvedBy = b.approvedBy;
        this.signer = b.signer;
        this.startedAtMillis = b.startedAt.toEpochMilli();
        this.durationMillis = b.duration == null ? 0 : b.duration.toMillis();
    }

    /**
     * Brings an entry read by XStream up to {@link #FORMAT}: fields missing from an older
     * {@code build.xml} come back as null or 0, and format 1 kept unchanged objects and whole diffs.
     */
    private Object readResolve() {
        if (format == FORMAT && release != null && warnings != null && objects != null) {
            return this;
        }
        Builder b = builder(id, operation, environment, Instant.ofEpochMilli(startedAtMillis)).repository(repository)
                .revision(revision).message(message).release(release == null ? List.of() : release).actor(actor)
                .approvedBy(approvedBy).signer(signer).duration(Duration.ofMillis(durationMillis));
        b.target = target;
        b.succeeded = succeeded;
        b.dryRun = dryRun;
        b.health = health;
        b.created = created;
        b.updated = updated;
        b.deleted = deleted;
        b.unchanged = unchanged;
        b.warnings = warnings == null ? List.of() : warnings;
        b.objects = objects == null ? List.of() : objects.stream().map(ObjectRow::normalized).toList();
        b.omittedObjects = omittedObjects;
        return b.build();
    }

    /** The persisted form this entry has: {@link #FORMAT} for every entry made or read by this version. */
    public int getFormat() {
        return format;
    }

    public static Builder builder(String id, String operation, String environment, Instant startedAt) {
        return new Builder(id, operation, environment, startedAt);
    }

    /** The entry for a sync or diff result. */
    public static DeploymentEntry ofSync(String id, String operation, String repository, SyncResult result,
            String actor, Instant startedAt) {
        return builder(id, operation, result.environment(), startedAt).repository(repository).sync(result)
                .actor(actor).build();
    }

    public String getId() {
        return id;
    }

    /** {@code sync}, {@code diff}, {@code promote} or {@code rollback}. */
    public String getOperation() {
        return operation;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getRepository() {
        return repository;
    }

    public String getRevision() {
        return revision;
    }

    /** The first 12 characters of a commit id, or the revision as given. */
    public String getShortRevision() {
        return revision != null && revision.matches("[0-9a-f]{40}") ? revision.substring(0, 12) : revision;
    }

    public String getTarget() {
        return target;
    }

    public boolean isSucceeded() {
        return succeeded;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public String getMessage() {
        return message;
    }

    public String getHealth() {
        return health;
    }

    public int getCreated() {
        return created;
    }

    public int getUpdated() {
        return updated;
    }

    public int getDeleted() {
        return deleted;
    }

    public int getUnchanged() {
        return unchanged;
    }

    /** The image references deployed (the release). */
    public List<String> getRelease() {
        return Collections.unmodifiableList(release);
    }

    public List<String> getWarnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** The objects the deployment created, updated or deleted (unchanged ones are only counted). */
    public List<ObjectRow> getObjects() {
        return Collections.unmodifiableList(objects);
    }

    /** Same as {@link #getObjects()}: every kept object changed. */
    public List<ObjectRow> getChangedObjects() {
        return getObjects();
    }

    /** Changed objects not kept because the entry already holds {@link #MAX_OBJECTS}. */
    public int getOmittedObjects() {
        return omittedObjects;
    }

    public String getActor() {
        return actor;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    /**
     * Who signed the deployed commit ({@code alice@example.com (ssh SHA256:...)}, or under {@code warn} the
     * outcome in brackets, e.g. {@code [unsigned]}); null when the environment does not verify signatures.
     */
    public String getSigner() {
        return signer;
    }

    public Instant getStartedAt() {
        return Instant.ofEpochMilli(startedAtMillis);
    }

    public Duration getDuration() {
        return Duration.ofMillis(durationMillis);
    }

    /** {@code 3 created, 1 updated, 0 deleted, 12 unchanged}. */
    public String getCounts() {
        return created + " created, " + updated + " updated, " + deleted + " deleted, " + unchanged + " unchanged";
    }

    /** Fills a {@link DeploymentEntry}; only id, operation, environment and start are required. */
    public static final class Builder {
        private final String id;
        private final String operation;
        private final String environment;
        private final Instant startedAt;
        private String repository;
        private String revision;
        private String target;
        private boolean succeeded = true;
        private boolean dryRun;
        private String message;
        private String health;
        private int created;
        private int updated;
        private int deleted;
        private int unchanged;
        private List<String> release = List.of();
        private List<String> warnings = List.of();
        private List<ObjectRow> objects = List.of();
        private int omittedObjects;
        private String actor;
        private String approvedBy;
        private String signer;
        private Duration duration;

        private Builder(String id, String operation, String environment, Instant startedAt) {
            this.id = id;
            this.operation = operation;
            this.environment = environment;
            this.startedAt = startedAt;
        }

        /** Copies revision, target, outcome, health, counts, warnings and objects of a sync. */
        public Builder sync(SyncResult result) {
            revision = result.revision();
            target = result.target();
            succeeded = result.succeeded();
            dryRun = result.dryRun();
            message = result.message();
            health = result.health();
            created = result.created();
            updated = result.updated();
            deleted = result.deleted();
            unchanged = result.unchanged();
            warnings = result.warnings();
            objects = result.objects().stream().map(ObjectRow::of).toList();
            duration = result.duration();
            signer = result.signer();
            return this;
        }

        public Builder repository(String value) {
            repository = value;
            return this;
        }

        public Builder revision(String value) {
            revision = value;
            return this;
        }

        public Builder message(String value) {
            message = value;
            return this;
        }

        public Builder release(List<String> value) {
            release = value;
            return this;
        }

        public Builder actor(String value) {
            actor = value;
            return this;
        }

        public Builder approvedBy(String value) {
            approvedBy = value;
            return this;
        }

        /** Who signed the deployed commit, as the deployment record has it; null when not verified. */
        public Builder signer(String value) {
            signer = value;
            return this;
        }

        public Builder failed(String reason) {
            succeeded = false;
            message = reason;
            return this;
        }

        public Builder duration(Duration value) {
            duration = value;
            return this;
        }

        public DeploymentEntry build() {
            return new DeploymentEntry(this);
        }
    }
}
