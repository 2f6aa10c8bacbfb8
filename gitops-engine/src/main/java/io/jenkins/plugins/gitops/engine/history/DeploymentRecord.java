package io.jenkins.plugins.gitops.engine.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one deployment operation did to one environment. Plain data, serialised as JSON by
 * {@link HistoryJson}; holds no secret value (the diff summary has object names and JSON pointers only).
 *
 * @param id           sortable unique id: UTC start time to the millisecond plus a random suffix
 *                     ({@code 20261122T100000.123Z-3f9a1c07d2})
 * @param revision     the Git commit the environment was brought to (null when the operation failed before
 *                     resolving one)
 * @param release      image references: {@code <Kind>/<name>/<container>} (Kubernetes) or service name (Swarm)
 *                     to image
 * @param trigger      {@code manual}, {@code pipeline}, {@code agent}, {@code self-heal} or {@code auto}
 * @param actor        the user or job behind the trigger
 * @param healthStatus overall health after the operation (HealthStatus display name)
 * @param diffSummary  {@code update Deployment/ns/web: /spec/template/spec/containers/0/image}, one line per object
 * @param rolledBackTo for rollbacks: the record id or revision rolled back to; null otherwise
 * @param hooks        the sync hooks of the operation, one line each: {@code PreSync Job/shop/shop-migrate: succeeded}
 * @param signer       who signed the deployed commit, as checked against the trusted keys
 *                     ({@link io.jenkins.plugins.gitops.engine.verify.CommitSignature#recordValue()}:
 *                     {@code alice@example.com (ssh SHA256:...)}, or {@code [unsigned]} under {@code warn});
 *                     null when the environment does not verify signatures
 * @param owner        {@link io.jenkins.plugins.gitops.engine.model.TrackingId#value()} of the repository and
 *                     environment that wrote it; null in records written before owners existed
 * @param contentDigest {@link ContentDigest} of what Git rendered for the deployment (the whole release, not only
 *                     its images), so rollbacks can tell deployments of equal content apart; null when unknown
 * @param windowOverride why the operation ran although the environment's deployment windows were closed, and which
 *                     window closed them ({@code hotfix INC-42 (closed: inside deny window ...)}, docs/windows.md);
 *                     null when no window had to be overridden (then left out of the JSON, so the compact
 *                     summaries of {@link HistorySummary} keep their size)
 */
public record DeploymentRecord(String id, String environment, Operation operation, String revision,
        Map<String, String> release, String trigger, String actor, Instant startedAt, Instant finishedAt,
        Result result, String message, Counts counts, String healthStatus, List<String> diffSummary,
        String rolledBackTo, List<String> hooks, String signer, String owner, String contentDigest,
        @JsonInclude(JsonInclude.Include.NON_NULL) String windowOverride) {

    public static final String TRIGGER_MANUAL = "manual";
    public static final String TRIGGER_PIPELINE = "pipeline";
    public static final String TRIGGER_AGENT = "agent";
    public static final String TRIGGER_SELF_HEAL = "self-heal";
    public static final String TRIGGER_AUTO = "auto";

    public enum Operation { SYNC, PROMOTE, ROLLBACK, SELF_HEAL }

    public enum Result { SUCCEEDED, FAILED }

    /** Objects created, updated, deleted (pruned) and left unchanged. */
    public record Counts(int created, int updated, int deleted, int unchanged) {
        public static final Counts NONE = new Counts(0, 0, 0, 0);
    }

    public DeploymentRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(result, "result");
        release = release == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(release));
        counts = counts == null ? Counts.NONE : counts;
        diffSummary = diffSummary == null ? List.of() : List.copyOf(diffSummary);
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
    }

    /** A record without hooks and signer. */
    public DeploymentRecord(String id, String environment, Operation operation, String revision,
            Map<String, String> release, String trigger, String actor, Instant startedAt, Instant finishedAt,
            Result result, String message, Counts counts, String healthStatus, List<String> diffSummary,
            String rolledBackTo) {
        this(id, environment, operation, revision, release, trigger, actor, startedAt, finishedAt, result, message,
                counts, healthStatus, diffSummary, rolledBackTo, List.of(), null);
    }

    /** A record without a signer (signatures not verified, or written before they were). */
    public DeploymentRecord(String id, String environment, Operation operation, String revision,
            Map<String, String> release, String trigger, String actor, Instant startedAt, Instant finishedAt,
            Result result, String message, Counts counts, String healthStatus, List<String> diffSummary,
            String rolledBackTo, List<String> hooks) {
        this(id, environment, operation, revision, release, trigger, actor, startedAt, finishedAt, result, message,
                counts, healthStatus, diffSummary, rolledBackTo, hooks, null);
    }

    /** A record without owner and content digest (as written before they existed). */
    public DeploymentRecord(String id, String environment, Operation operation, String revision,
            Map<String, String> release, String trigger, String actor, Instant startedAt, Instant finishedAt,
            Result result, String message, Counts counts, String healthStatus, List<String> diffSummary,
            String rolledBackTo, List<String> hooks, String signer) {
        this(id, environment, operation, revision, release, trigger, actor, startedAt, finishedAt, result, message,
                counts, healthStatus, diffSummary, rolledBackTo, hooks, signer, null, null);
    }

    /** A record without a window override (as written before windows existed). */
    public DeploymentRecord(String id, String environment, Operation operation, String revision,
            Map<String, String> release, String trigger, String actor, Instant startedAt, Instant finishedAt,
            Result result, String message, Counts counts, String healthStatus, List<String> diffSummary,
            String rolledBackTo, List<String> hooks, String signer, String owner, String contentDigest) {
        this(id, environment, operation, revision, release, trigger, actor, startedAt, finishedAt, result, message,
                counts, healthStatus, diffSummary, rolledBackTo, hooks, signer, owner, contentDigest, null);
    }

    /** A record of a sync (also the sync step of a promotion, rollback or self-heal) from its result. */
    public static DeploymentRecord fromSync(Operation operation, SyncResult sync, Map<String, String> release,
            String trigger, String actor, Instant startedAt, Instant finishedAt) {
        return new DeploymentRecord(DeploymentIds.next(startedAt), sync.environment(), operation, sync.revision(), release,
                trigger, actor, startedAt, finishedAt, sync.succeeded() ? Result.SUCCEEDED : Result.FAILED,
                sync.succeeded() ? sync.summary() : sync.message(),
                new Counts(sync.created(), sync.updated(), sync.deleted(), sync.unchanged()), sync.health(),
                DiffSummary.of(sync.objects()), null, sync.hooks().stream().map(h -> h.line()).toList());
    }

    /** A record of an operation that failed before anything was applied (render error, policy, lock refused). */
    public static DeploymentRecord failedBeforeApply(String environment, Operation operation, String revision,
            Map<String, String> release, String trigger, String actor, Instant startedAt, Instant finishedAt,
            String message) {
        return new DeploymentRecord(DeploymentIds.next(startedAt), environment, operation, revision, release, trigger,
                actor, startedAt, finishedAt, Result.FAILED, message, Counts.NONE, null, List.of(), null);
    }

    public DeploymentRecord withRolledBackTo(String recordIdOrRevision) {
        return new DeploymentRecord(id, environment, operation, revision, release, trigger, actor, startedAt, finishedAt,
                result, message, counts, healthStatus, diffSummary, recordIdOrRevision, hooks, signer, owner,
                contentDigest, windowOverride);
    }

    public DeploymentRecord withSigner(String value) {
        return new DeploymentRecord(id, environment, operation, revision, release, trigger, actor, startedAt, finishedAt,
                result, message, counts, healthStatus, diffSummary, rolledBackTo, hooks, value, owner, contentDigest,
                windowOverride);
    }

    public DeploymentRecord withOwner(String value) {
        return new DeploymentRecord(id, environment, operation, revision, release, trigger, actor, startedAt, finishedAt,
                result, message, counts, healthStatus, diffSummary, rolledBackTo, hooks, signer, value, contentDigest,
                windowOverride);
    }

    public DeploymentRecord withContentDigest(String value) {
        return new DeploymentRecord(id, environment, operation, revision, release, trigger, actor, startedAt, finishedAt,
                result, message, counts, healthStatus, diffSummary, rolledBackTo, hooks, signer, owner, value,
                windowOverride);
    }

    /** The same record with another message (used to put a reason in front). */
    public DeploymentRecord withMessage(String value) {
        return new DeploymentRecord(id, environment, operation, revision, release, trigger, actor, startedAt, finishedAt,
                result, value, counts, healthStatus, diffSummary, rolledBackTo, hooks, signer, owner, contentDigest,
                windowOverride);
    }

    /** The same record with the reason a closed deployment window was overridden (docs/windows.md). */
    public DeploymentRecord withWindowOverride(String value) {
        return new DeploymentRecord(id, environment, operation, revision, release, trigger, actor, startedAt, finishedAt,
                result, message, counts, healthStatus, diffSummary, rolledBackTo, hooks, signer, owner, contentDigest,
                value);
    }

    public boolean succeeded() {
        return result == Result.SUCCEEDED;
    }

    /** Wall time of the operation, or zero when it has no end. */
    public Duration duration() {
        return finishedAt == null ? Duration.ZERO : Duration.between(startedAt, finishedAt);
    }

    /** The first 12 characters of a commit id (or the revision as is). */
    public String shortRevision() {
        return revision != null && revision.matches("[0-9a-f]{40}") ? revision.substring(0, 12) : String.valueOf(revision);
    }
}
