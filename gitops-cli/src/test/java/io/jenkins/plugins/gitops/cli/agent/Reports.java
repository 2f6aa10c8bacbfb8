package io.jenkins.plugins.gitops.cli.agent;

import io.jenkins.plugins.gitops.engine.api.DriftReport;
import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.diff.FieldChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Drift reports as the engine returns them, for the tests. */
final class Reports {
    static final String SYNCED = "1111111111111111111111111111111111111111";
    static final String HEAD = "2222222222222222222222222222222222222222";

    private Reports() {
    }

    static DriftReport inSync(String environment) {
        return new DriftReport(environment, SYNCED, SYNCED, false, List.of(), null, Instant.now(), "in sync");
    }

    static DriftReport drifted(String environment, ObjectResult... objects) {
        return new DriftReport(environment, SYNCED, SYNCED, false, List.of(objects), null, Instant.now(), "drift");
    }

    static DriftReport gitAhead(String environment) {
        return new DriftReport(environment, SYNCED, HEAD, false, List.of(), null, Instant.now(), "Git ahead");
    }

    static DriftReport healed(String environment, boolean succeeded, ObjectResult... objects) {
        SyncResult sync = new SyncResult(environment, SYNCED, "kubernetes", false, succeeded,
                succeeded ? "synced" : "Deployment/web not healthy after 5m", "Healthy", 0, objects.length, 0, 3, 0,
                List.of(objects), List.of(), Duration.ofSeconds(2));
        return new DriftReport(environment, SYNCED, SYNCED, false, List.of(objects), sync, Instant.now(), "healed");
    }

    static ObjectResult changed(String kind, String namespace, String name, FieldChange... changes) {
        return new ObjectResult(kind, namespace, name, "environments/x/app.yaml", "update", "drifted", null, null,
                null, List.of(changes));
    }
}
