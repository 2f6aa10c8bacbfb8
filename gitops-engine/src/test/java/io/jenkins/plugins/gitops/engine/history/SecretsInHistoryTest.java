package io.jenkins.plugins.gitops.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.diff.Differ;
import io.jenkins.plugins.gitops.engine.diff.FieldChange;
import io.jenkins.plugins.gitops.engine.diff.ObjectDiff;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Operation;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A record of a sync that changed a Secret holds where it changed, never what it holds. */
class SecretsInHistoryTest {
    private static final List<String> SECRET_VALUES = List.of("cHJvZC1wYXNzd29yZC03NzMx", "prod-password-7731",
            "b2xkLXBhc3N3b3JkLTEyMDQ=", "old-password-1204", "c2hvcA==", "tok-9f8e7d6c5b4a");
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void recordOfASyncChangingASecretHasNoSecretValue() {
        Resource secret = Fixtures.resource("history/secret-desired.yaml");
        Resource liveSecret = Fixtures.resource("history/secret-live.yaml");
        Resource web = Fixtures.resource("history/deployment-desired.yaml");
        Resource liveWeb = Fixtures.resource("history/deployment-live.yaml");
        Differ differ = new Differ(List.of());
        List<ObjectResult> objects = List.of(
                result(secret, "update", differ.diff(secret, liveSecret, null, List.of())),
                result(web, "update", differ.diff(web, liveWeb, null, List.of())));
        SyncResult sync = new SyncResult("production", "0123456789abcdef0123456789abcdef01234567", "kubernetes", false,
                true, null, "Healthy", 0, 2, 0, 3, 0, objects, List.of(), Duration.ofSeconds(40));

        DeploymentRecord record = DeploymentRecord.fromSync(Operation.SYNC, sync, Map.of("Deployment/web/web",
                "shop/web:2.5.0"), "pipeline", "jenkins/job/deploy#7", START, START.plusSeconds(40));

        assertThat(record.diffSummary()).containsExactly(
                "update Secret/shop-prod/db: /data/password, /stringData",
                "update Deployment/shop-prod/web: /spec/replicas, /spec/template/spec/containers/0/image");
        assertThat(record.counts()).isEqualTo(new DeploymentRecord.Counts(0, 2, 0, 3));
        assertThat(record.message()).isEqualTo(sync.summary());
        assertThat(HistoryJson.write(record)).doesNotContain(SECRET_VALUES);
    }

    @Test
    void summaryHoldsPointersOnlyEvenWhenGivenRawValues() {
        // a careless caller passing unredacted changes and diff text still cannot leak them into history
        ObjectResult leaky = new ObjectResult("Secret", "shop-prod", "db", "environments/production/secret.yaml",
                "update", "failed", "apply failed", "Unknown", "-  password: b2xkLXBhc3N3b3JkLTEyMDQ=\n"
                        + "+  password: cHJvZC1wYXNzd29yZC03NzMx",
                List.of(new FieldChange("/data/password", "cHJvZC1wYXNzd29yZC03NzMx", "b2xkLXBhc3N3b3JkLTEyMDQ=")));
        ObjectResult created = new ObjectResult("Secret", "shop-prod", "api", "", "create", "done", null, "Healthy",
                "+  token: tok-9f8e7d6c5b4a", List.of(new FieldChange("/stringData/token", "tok-9f8e7d6c5b4a", null)));
        ObjectResult notTried = new ObjectResult("ConfigMap", "shop-prod", "old", "", "delete", "not_attempted", null,
                null, "", List.of());
        List<String> summary = DiffSummary.of(List.of(leaky, created, notTried));
        assertThat(summary).containsExactly("update Secret/shop-prod/db: /data/password [failed]",
                "create Secret/shop-prod/api", "delete ConfigMap/shop-prod/old [not attempted]");
        assertThat(String.join("\n", summary)).doesNotContain(SECRET_VALUES);
    }

    @Test
    void longSummariesAreBounded() {
        List<FieldChange> changes = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            changes.add(new FieldChange("/data/k" + i, "<redacted>", "<redacted, differs>"));
        }
        List<ObjectResult> objects = new ArrayList<>();
        objects.add(new ObjectResult("ConfigMap", "ns", "big", "", "update", "done", null, null, "", changes));
        for (int i = 0; i < DiffSummary.MAX_LINES + 5; i++) {
            objects.add(new ObjectResult("ConfigMap", "ns", "c" + i, "", "create", "done", null, null, "", List.of()));
        }
        List<String> summary = DiffSummary.of(objects);
        assertThat(summary.get(0)).endsWith("/data/k9 (+4 more)");
        assertThat(summary).hasSize(DiffSummary.MAX_LINES + 1).last().isEqualTo("... 6 more objects");
    }

    private static ObjectResult result(Resource desired, String action, ObjectDiff diff) {
        return new ObjectResult(desired.kind(), desired.namespace(), desired.name(), desired.source(), action, "done",
                null, "Healthy", diff.unified(), diff.changes());
    }
}
