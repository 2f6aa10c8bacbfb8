package io.jenkins.plugins.gitops.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Operation;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord.Result;
import io.jenkins.plugins.gitops.engine.policy.DesiredFixtures;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentRecordTest {

    @Test
    void jsonRoundTripKeepsEveryField() throws Exception {
        DeploymentRecord record = TestRecords.sync("production", TestRecords.revision('a', 7), 7)
                .withRolledBackTo("20261122T095000.000Z-0000000001");
        String json = HistoryJson.write(record);
        assertThat(json).doesNotContain("\n").contains("\"startedAt\":\"2026-11-22T10:07:00Z\"",
                "\"operation\":\"SYNC\"", "\"result\":\"SUCCEEDED\"", "\"rolledBackTo\":\"20261122T095000.000Z-0000000001\"",
                "\"owner\":\"github.com/shop/deploy#production\"", "\"contentDigest\":\"sha256:0123");
        assertThat(HistoryJson.read(json)).isEqualTo(record);
        assertThat(HistoryJson.readList(HistoryJson.writeList(List.of(record, record)))).containsExactly(record, record);
    }

    @Test
    void readsTheStoredFormatAndIgnoresFieldsItDoesNotKnow() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/history/records-v1.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<DeploymentRecord> records = HistoryJson.readList(json);
        assertThat(records).hasSize(2);
        DeploymentRecord rollback = records.get(0);
        assertThat(rollback.operation()).isEqualTo(Operation.ROLLBACK);
        assertThat(rollback.trigger()).isEqualTo("auto");
        assertThat(rollback.rolledBackTo()).isEqualTo("20261122T100000.000Z-a1b2c3");
        assertThat(rollback.duration()).isEqualTo(Duration.ofMillis(30_750));
        assertThat(rollback.counts()).isEqualTo(new DeploymentRecord.Counts(0, 1, 0, 4));
        assertThat(rollback.shortRevision()).isEqualTo("0123456789ab");
        assertThat(records.get(1).result()).isEqualTo(Result.FAILED);
        assertThat(records.get(1).succeeded()).isFalse();
        assertThat(records.get(1).release()).containsExactly(Map.entry("Deployment/web/web", "shop/web:2.5.0"));
        assertThat(rollback.owner()).as("written before owners existed").isNull();
        assertThat(rollback.contentDigest()).isNull();
    }

    @Test
    void idsSortByStartTimeAndDoNotCollide() {
        Instant t = Instant.parse("2026-11-22T10:00:00.123Z");
        String id = DeploymentIds.next(t);
        assertThat(id).matches("20261122T100000\\.123Z-[0-9a-f]{10}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(DeploymentIds.next(t.plusMillis(i * 997L)));
        }
        assertThat(ids).isSorted();
        HashSet<String> sameInstant = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            sameInstant.add(DeploymentIds.next(t));
        }
        assertThat(sameInstant).hasSize(500);
    }

    @Test
    void releaseHoldsTheImageOfEveryContainerAndSwarmService() {
        Map<String, String> release = ReleaseExtractor.release(
                DesiredFixtures.load("production", "history/release.yaml", "environments/production/app.yaml"));
        assertThat(release).containsExactly(
                Map.entry("CronJob/report/report", "shop/report:1.0.0"),
                Map.entry("Deployment/web/migrate", "shop/migrate:2.5.0"),
                Map.entry("Deployment/web/proxy",
                        "envoyproxy/envoy@sha256:4b0c3e1d8a5f6e7d9c2b1a0f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2d"),
                Map.entry("Deployment/web/web", "shop/web:2.5.0"),
                Map.entry("shop_worker", "shop/worker:2.5.0"));
    }
}
