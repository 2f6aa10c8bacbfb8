package io.jenkins.plugins.gitops;

import io.jenkins.plugins.gitops.engine.pipeline.LeaseHolders;
import jenkins.model.Jenkins;
import jenkins.model.JenkinsLocationConfiguration;

/**
 * This controller as environment locks name it: its configured root URL, else a prefix of its
 * instance id. Both stay the same across restarts (the URL taken from a request would not), so a
 * step resumed after a restart takes its own lock again ({@link LeaseHolders}).
 */
final class Controller {
    private Controller() {
    }

    static String id() {
        String url = JenkinsLocationConfiguration.get().getUrl();
        if (url != null && !url.isBlank()) {
            return url;
        }
        String instance = Jenkins.get().getLegacyInstanceId();
        return "controller " + instance.substring(0, Math.min(12, instance.length()));
    }
}
