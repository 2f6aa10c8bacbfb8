package io.jenkins.plugins.gitops.engine.api;

import java.time.Duration;
import java.util.List;

/**
 * What a sync or diff did: the revision, counts per action, overall health, every object, every hook
 * (run, or for dry runs those that would run), and
 * whether it succeeded (with the reason when it did not), the id of its deployment record (null
 * for dry runs), and the signer of the deployed commit as the record has it (null when the environment
 * does not verify signatures; see {@code CommitSignature#recordValue}). Contains no secret values.
 */
public record SyncResult(String environment, String revision, String target, boolean dryRun, boolean succeeded,
        String message, String health, int created, int updated, int deleted, int unchanged, int pruneSkipped,
        List<ObjectResult> objects, List<String> warnings, Duration duration, String recordId, List<HookRun> hooks,
        String signer) {
    public SyncResult {
        objects = List.copyOf(objects);
        warnings = List.copyOf(warnings);
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
    }

    /** A result without a signer (the environment does not verify signatures). */
    public SyncResult(String environment, String revision, String target, boolean dryRun, boolean succeeded,
            String message, String health, int created, int updated, int deleted, int unchanged, int pruneSkipped,
            List<ObjectResult> objects, List<String> warnings, Duration duration, String recordId, List<HookRun> hooks) {
        this(environment, revision, target, dryRun, succeeded, message, health, created, updated, deleted, unchanged,
                pruneSkipped, objects, warnings, duration, recordId, hooks, null);
    }

    /** A result without hooks. */
    public SyncResult(String environment, String revision, String target, boolean dryRun, boolean succeeded,
            String message, String health, int created, int updated, int deleted, int unchanged, int pruneSkipped,
            List<ObjectResult> objects, List<String> warnings, Duration duration, String recordId) {
        this(environment, revision, target, dryRun, succeeded, message, health, created, updated, deleted, unchanged,
                pruneSkipped, objects, warnings, duration, recordId, List.of());
    }

    /** A result not (yet) recorded in the history. */
    public SyncResult(String environment, String revision, String target, boolean dryRun, boolean succeeded,
            String message, String health, int created, int updated, int deleted, int unchanged, int pruneSkipped,
            List<ObjectResult> objects, List<String> warnings, Duration duration) {
        this(environment, revision, target, dryRun, succeeded, message, health, created, updated, deleted, unchanged,
                pruneSkipped, objects, warnings, duration, null);
    }

    /** The same result, recorded as the given deployment record. */
    public SyncResult withRecordId(String id) {
        return new SyncResult(environment, revision, target, dryRun, succeeded, message, health, created, updated,
                deleted, unchanged, pruneSkipped, objects, warnings, duration, id, hooks, signer);
    }

    /** The same result for a commit signed by {@code value} (a record's {@code signer}). */
    public SyncResult withSigner(String value) {
        return new SyncResult(environment, revision, target, dryRun, succeeded, message, health, created, updated,
                deleted, unchanged, pruneSkipped, objects, warnings, duration, recordId, hooks, value);
    }

    /** True when nothing differs between Git and the target (for diff). */
    public boolean inSync() {
        return created == 0 && updated == 0 && deleted == 0 && pruneSkipped == 0;
    }

    public String summary() {
        return environment + " @ " + shortRevision() + ": " + created + " created, " + updated + " updated, "
                + deleted + " deleted, " + unchanged + " unchanged" + (pruneSkipped > 0 ? ", " + pruneSkipped
                + " not pruned (prune is off or the object is protected)" : "") + hookSummary() + "; health " + health;
    }

    /** {@code , hooks: 1 succeeded, 1 failed}; empty without hooks. */
    private String hookSummary() {
        if (hooks.isEmpty()) {
            return "";
        }
        java.util.Map<String, Long> byResult = new java.util.TreeMap<>();
        hooks.forEach(h -> byResult.merge(h.result(), 1L, Long::sum));
        return ", hooks: " + String.join(", ", byResult.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .toList());
    }

    public String shortRevision() {
        return revision != null && revision.matches("[0-9a-f]{40}") ? revision.substring(0, 12) : String.valueOf(revision);
    }
}
