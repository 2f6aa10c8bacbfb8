package io.jenkins.plugins.gitops.engine.model;

import java.time.Instant;

/**
 * A resolved Git revision: the full commit id plus what the user asked for (branch, tag or id) and
 * the commit's metadata for history and logs.
 */
public record Revision(String commitId, String requested, String shortMessage, String author, Instant commitTime) {
    public String shortId() {
        return commitId.length() > 12 ? commitId.substring(0, 12) : commitId;
    }

    @Override
    public String toString() {
        return shortId() + (requested == null || requested.equals(commitId) ? "" : " (" + requested + ")");
    }
}
