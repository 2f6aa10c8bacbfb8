package io.jenkins.plugins.gitops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.api.SyncResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepResultsTest {

    @Test
    void syncMapCarriesRevisionCountsHealthAndRecordId() {
        Map<String, Object> map = StepResults.of(Results.stagingSync(), "app#12/1");

        assertThat(map).containsEntry("revision", Results.REVISION)
                .containsEntry("created", 0).containsEntry("updated", 2).containsEntry("deleted", 1)
                .containsEntry("unchanged", 1).containsEntry("health", "Healthy")
                .containsEntry("recordId", "app#12/1").containsEntry("succeeded", true)
                .containsEntry("inSync", false).containsEntry("environment", "staging")
                .containsEntry("signer", null);
        assertThat(StepResults.of(Results.stagingSync().withSigner("alice@example.com (ssh SHA256:abc)"), "app#12/2"))
                .containsEntry("signer", "alice@example.com (ssh SHA256:abc)");
    }

    @Test
    void mapsSurvivePipelineSerialisation() throws Exception {
        Map<String, Object> map = StepResults.of(new LifecycleResult("production", "c0ffee", Results.REVISION,
                List.of("medianest/app:1.5.0"), "promoted staging to production", Results.stagingSync()), "app#13/1");

        Object copy = roundTrip(map);

        assertThat(copy).isEqualTo(map);
        assertThat(map).containsEntry("commitId", "c0ffee").containsEntry("images", List.of("medianest/app:1.5.0"))
                .containsEntry("environment", "production").containsEntry("updated", 2);
    }

    @Test
    void lifecycleWithoutSyncHasUnknownHealth() {
        Map<String, Object> map = StepResults.of(new LifecycleResult("production", null, Results.REVISION, null,
                "rolled back", null), "app#14/1");

        assertThat(map).containsEntry("health", "Unknown").containsEntry("commitId", null)
                .doesNotContainKey("created");
    }

    @Test
    void statusMapTellsWhetherGitMovedOn() {
        EnvironmentStatus status = new EnvironmentStatus("staging", "aaa", "bbb", "Degraded", true, false,
                Instant.parse("2025-01-02T03:04:05Z"));

        assertThat(StepResults.of(status)).containsEntry("behindGit", true).containsEntry("health", "Degraded")
                .containsEntry("lastSync", "2025-01-02T03:04:05Z").containsEntry("pinned", false);
    }

    @Test
    void statusMapCarriesTheDeliveryFiguresAsPlainSerialisableData() throws Exception {
        EnvironmentStatus status = new EnvironmentStatus("staging", "aaa", "aaa", "Healthy", false, false,
                Instant.parse("2025-01-02T03:04:05Z"));
        Instant to = Instant.parse("2025-01-31T00:00:00Z");
        io.jenkins.plugins.gitops.engine.delivery.DeliveryMetrics figures = new io.jenkins.plugins.gitops.engine.delivery
                .DeliveryMetrics("staging", to.minus(java.time.Duration.ofDays(30)), to, 3, 3, 0.1, 3, 0, 0.0, 4,
                java.time.Duration.ofHours(2), java.time.Duration.ofHours(30), 0, 0, null, to.minus(java.time.Duration.ofDays(60)));

        Map<String, Object> map = StepResults.of(status, figures);

        assertThat(map).containsEntry("health", "Healthy").containsKey("delivery");
        @SuppressWarnings("unchecked")
        Map<String, Object> delivery = (Map<String, Object>) roundTrip(map.get("delivery"));
        assertThat(delivery).containsEntry("deploymentsPerDay", 0.1).containsEntry("deploymentFrequencyBand", "medium")
                .containsEntry("leadTimeMedianSeconds", 7200.0).containsEntry("leadTimeP90Seconds", 108000.0)
                .containsEntry("leadTimeBand", "elite").containsEntry("changeFailureRate", 0.0)
                .containsEntry("changeFailureRateBand", "elite").containsEntry("timeToRestoreMedianSeconds", null)
                .containsEntry("timeToRestoreBand", null);
        assertThat(StepResults.of(status, null)).containsEntry("delivery", null);
    }

    @Test
    void entryKeepsRedactedDiffsAndCountsAndSurvivesSerialisation() throws Exception {
        SyncResult result = Results.stagingSync();
        DeploymentEntry entry = DeploymentEntry.ofSync("app#12/1", "sync", "https://git.example/ops.git", result,
                "alice", Instant.parse("2025-01-02T03:04:05Z"));

        DeploymentEntry copy = (DeploymentEntry) roundTrip(entry);

        assertThat(copy.getCounts()).isEqualTo("0 created, 2 updated, 1 deleted, 1 unchanged");
        assertThat(copy.getShortRevision()).isEqualTo("0123456789ab");
        assertThat(copy.getChangedObjects()).extracting(ObjectRow::getId)
                .containsExactly("Deployment/docs-staging/web", "Secret/docs-staging/app", "ConfigMap/docs-staging/old");
        assertThat(copy.getObjects().get(1).getDiff()).contains("<redacted:sha256:9a8b>");
        assertThat(copy.getWarnings()).containsExactly("policy no-latest-tag: warn only");
        assertThat(copy.getStartedAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(copy.getDuration()).hasSeconds(7);
        assertThat(copy.getActor()).isEqualTo("alice");
    }

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
