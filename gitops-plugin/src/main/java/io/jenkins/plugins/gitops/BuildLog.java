package io.jenkins.plugins.gitops;

import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.engine.ProgressListener;
import java.util.List;

/** Engine progress and result text in the build log, each line prefixed so it reads apart from other steps. */
final class BuildLog {
    static final String PREFIX = "[gitops] ";

    private BuildLog() {
    }

    static ProgressListener listener(TaskListener log) {
        return message -> log.getLogger().println(PREFIX + message);
    }

    static void print(ProgressListener listener, List<String> lines) {
        lines.forEach(listener::progress);
    }
}
