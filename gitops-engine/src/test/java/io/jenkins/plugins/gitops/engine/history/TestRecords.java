package io.jenkins.plugins.gitops.engine.history;

import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Counts;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Operation;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Result;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Records with every field set, for store tests. */
final class TestRecords {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private TestRecords() {
    }

    /** A successful sync of {@code revision}, started {@code minute} minutes after {@link #T0}. */
    static DeploymentRecord sync(String environment, String revision, int minute) {
        Instant start = T0.plusSeconds(60L * minute);
        return new DeploymentRecord(DeploymentIds.next(start), environment, Operation.SYNC, revision,
                Map.of("Deployment/web/web", "shop/web:2." + minute + ".0"), DeploymentRecord.TRIGGER_PIPELINE,
                "jenkins/job/deploy#" + minute, start, start.plusSeconds(30), Result.SUCCEEDED, "synced",
                new Counts(1, 2, 0, 5), "Healthy",
                List.of("update Deployment/shop-prod/web: /spec/template/spec/containers/0/image"), null,
                List.of(), null, "github.com/shop/deploy#" + environment, "sha256:" + "0123456789abcdef".repeat(4));
    }

    /** A 40-character revision made of one repeated hex digit followed by the minute. */
    static String revision(char digit, int minute) {
        String base = String.valueOf(digit).repeat(38);
        return base + String.format("%02d", minute);
    }
}
