package io.jenkins.plugins.gitops.engine.source;

import java.util.List;

/**
 * The outcome of {@link GitSource#commitAndPush}: the commit now at the branch tip, how many
 * attempts it took (more than one when others pushed at the same time), and the paths that changed.
 * No changed paths means nothing was committed or pushed and {@code commitId} is the unchanged tip.
 */
public record PushResult(String commitId, int attempts, List<String> changedPaths) {
    public PushResult {
        changedPaths = List.copyOf(changedPaths);
    }

    public boolean changed() {
        return !changedPaths.isEmpty();
    }
}
