package io.jenkins.plugins.gitops;

import java.util.Map;

/** The short argument summaries shown in stage views and Blue Ocean: {@code staging @ v1.2}, {@code staging → production}. */
final class Summaries {
    private Summaries() {
    }

    static String environment(Map<String, Object> args) {
        Object environment = args.get("environment");
        if (environment == null) {
            return null;
        }
        Object revision = args.get("revision");
        Object to = args.get("to");
        return environment + (revision != null ? " @ " + revision : "") + (to != null ? " to " + to : "")
                + (Boolean.TRUE.equals(args.get("dryRun")) ? " (dry run)" : "");
    }

    static String promotion(Map<String, Object> args) {
        Object from = args.get("from");
        Object to = args.get("to");
        return from == null || to == null ? null : from + " \u2192 " + to;
    }
}
