package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Readable build-log text for results: a summary line, one line per changed object, the warnings,
 * and for diffs the redacted unified diff of each changed object.
 */
public final class DeploymentText {
    private DeploymentText() {
    }

    /** Lines for the build log after a sync. */
    public static List<String> summary(SyncResult result) {
        List<String> lines = new ArrayList<>();
        lines.add((result.dryRun() ? "[dry run] " : "") + result.summary()
                + (result.target() == null ? "" : " on " + result.target()));
        for (ObjectResult object : result.objects()) {
            if (!"unchanged".equalsIgnoreCase(object.action())) {
                lines.add("  " + object.action() + " " + object.id() + outcome(object));
            }
        }
        for (String warning : result.warnings()) {
            lines.add("  warning: " + warning);
        }
        if (!result.succeeded()) {
            lines.add("  failed: " + result.message());
        }
        return lines;
    }

    /** The summary followed by each changed object's redacted diff (for gitopsDiff). */
    public static List<String> diff(SyncResult result) {
        List<String> lines = new ArrayList<>(summary(result));
        if (result.inSync()) {
            lines.add("  " + result.environment() + " matches Git: nothing to change");
        }
        for (ObjectResult object : result.objects()) {
            if (object.diff() != null && !object.diff().isBlank()) {
                lines.add("--- " + object.id() + " (" + object.action() + ")");
                lines.addAll(object.diff().lines().toList());
            }
        }
        return lines;
    }

    /** One line per promotion or rollback. */
    public static String summary(LifecycleResult result) {
        return result.message() + (result.commitId() == null ? "" : " (commit " + shortId(result.commitId()) + ")")
                + (result.images().isEmpty() ? "" : "; release " + String.join(", ", result.images()));
    }

    private static String outcome(ObjectResult object) {
        String health = object.health() == null || object.health().isBlank() ? "" : " [" + object.health() + "]";
        String message = object.message() == null || object.message().isBlank() ? "" : ": " + object.message();
        return health + message;
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
