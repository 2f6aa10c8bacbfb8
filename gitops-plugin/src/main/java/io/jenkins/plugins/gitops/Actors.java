package io.jenkins.plugins.gitops;

import hudson.model.Cause;
import hudson.model.Run;

/** Who a deployment is recorded for: the user who started the run, else the run itself. */
final class Actors {
    private Actors() {
    }

    static String of(Run<?, ?> run) {
        Cause.UserIdCause user = run.getCause(Cause.UserIdCause.class);
        if (user != null && user.getUserId() != null) {
            return user.getUserId();
        }
        return run.getExternalizableId();
    }
}
