package io.jenkins.plugins.gitops.engine.health;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import java.util.Map;

/** Job: Failed condition degrades, Complete is healthy, anything else is still running. */
final class JobHealth {
    private JobHealth() {
    }

    static Health of(Map<String, Object> job) {
        var failed = StatusFields.condition(job, "Failed");
        if (failed.isPresent() && "True".equals(StatusFields.text(failed.get(), "status"))) {
            String reason = StatusFields.text(failed.get(), "reason");
            String message = StatusFields.text(failed.get(), "message");
            return Health.degraded(reason.isEmpty() ? message : reason + ": " + message);
        }
        if (StatusFields.conditionTrue(job, "Complete")) {
            return Health.healthy("job completed");
        }
        if (Boolean.TRUE.equals(Manifests.get(job, "spec", "suspend"))) {
            return Health.progressing("job is suspended");
        }
        return Health.progressing("job is running (" + StatusFields.number(job, 0, "status", "active") + " active, "
                + StatusFields.number(job, 0, "status", "succeeded") + " succeeded)");
    }
}
