package io.jenkins.plugins.gitops.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import io.jenkins.plugins.gitops.engine.model.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
@EnableKubernetesMockClient(crud = true)
class KubernetesHistoryStoreTest {
    static KubernetesClient client;

    private ConfigMap configMap(String namespace, String environment) {
        return client.configMaps().inNamespace(namespace).withName(KubernetesHistoryStore.configMapName(environment)).get();
    }

    @Test
    void recordsLiveInALabelledConfigMapAndSurviveTheWriter() {
        KubernetesHistoryStore store = new KubernetesHistoryStore(client, "shop-prod", "production");
        DeploymentRecord first = TestRecords.sync("production", TestRecords.revision('a', 1), 1);
        DeploymentRecord second = TestRecords.sync("production", TestRecords.revision('a', 2), 2);
        store.append(first);
        store.append(second);

        ConfigMap cm = configMap("shop-prod", "production");
        assertThat(cm.getMetadata().getName()).isEqualTo("gitops-history-production");
        assertThat(cm.getMetadata().getLabels()).containsEntry(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
                .containsEntry(Labels.ENVIRONMENT, "production").containsEntry(Labels.INTERNAL, "true");
        assertThat(cm.getData()).containsOnlyKeys(KubernetesHistoryStore.DATA_KEY);
        // a new store (a new CI server, or the command line) finds them in the target
        KubernetesHistoryStore later = new KubernetesHistoryStore(client, "shop-prod", "production");
        assertThat(later.list("production")).containsExactly(second, first);
        assertThat(later.find("production", second.revision())).contains(second);
        assertThatThrownBy(() -> later.find("production", "aaaa")).hasMessageContaining("matches 2 records");
    }

    @Test
    void keepsOnlyTheNewestRecords() {
        KubernetesHistoryStore store = new KubernetesHistoryStore(client, "shop-keep", "staging", 3);
        List<DeploymentRecord> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            DeploymentRecord r = TestRecords.sync("staging", TestRecords.revision('b', i), i);
            all.add(0, r);
            store.append(r);
        }
        assertThat(store.list("staging")).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(new KubernetesHistoryStore(client, "shop-keep", "development").list("development")).isEmpty();
    }

    @Test
    void recordsBeyondTheNewestAreKeptAsCompactSummariesForDeliveryMetrics() {
        KubernetesHistoryStore store = new KubernetesHistoryStore(client, "shop-summary", "staging", 3);
        List<DeploymentRecord> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            DeploymentRecord r = TestRecords.sync("staging", TestRecords.revision('d', i), i);
            all.add(0, r);
            store.append(r);
        }
        assertThat(store.list("staging")).containsExactlyElementsOf(all.subList(0, 3));
        List<DeploymentRecord> deployments = store.deployments("staging");
        assertThat(deployments).hasSize(6);
        assertThat(deployments.subList(0, 3)).containsExactlyElementsOf(all.subList(0, 3));
        for (int i = 3; i < 6; i++) {
            DeploymentRecord summary = deployments.get(i);
            assertThat(summary).isEqualTo(HistorySummary.compact(all.get(i)));
            assertThat(summary.revision()).isEqualTo(all.get(i).revision());
            assertThat(summary.finishedAt()).isEqualTo(all.get(i).finishedAt());
            assertThat(summary.release()).isEmpty();
            assertThat(summary.diffSummary()).isEmpty();
            assertThat(summary.message()).isNull();
        }
        assertThat(configMap("shop-summary", "staging").getData()).containsOnlyKeys(KubernetesHistoryStore.DATA_KEY,
                KubernetesHistoryStore.SUMMARY_KEY);
    }

    @Test
    void concurrentWritersRetryOnConflictAndLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                // one store per thread, as two controllers or an agent and a controller would have
                KubernetesHistoryStore store = new KubernetesHistoryStore(client, "shop-race", "production", 50);
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 6; i++) {
                        store.append(TestRecords.sync("production", TestRecords.revision('c', i), thread * 10 + i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(40, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<DeploymentRecord> records = new KubernetesHistoryStore(client, "shop-race", "production", 50).list("production");
        assertThat(records).hasSize(18).extracting(DeploymentRecord::id).doesNotHaveDuplicates();
    }

    @Test
    void unreadableContentIsReportedAndMovedAsideByTheNextWrite() {
        client.configMaps().inNamespace("shop-bad").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("gitops-history-production").endMetadata()
                .withData(Map.of(KubernetesHistoryStore.DATA_KEY, "[{\"id\": tru")).build()).create();
        KubernetesHistoryStore store = new KubernetesHistoryStore(client, "shop-bad", "production");
        assertThatThrownBy(() -> store.list("production")).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("ConfigMap shop-bad/gitops-history-production key records.json is not a list");

        DeploymentRecord record = TestRecords.sync("production", TestRecords.revision('d', 1), 1);
        store.append(record);
        assertThat(store.list("production")).containsExactly(record);
        ConfigMap cm = configMap("shop-bad", "production");
        assertThat(cm.getData()).containsEntry(KubernetesHistoryStore.CORRUPT_KEY, "[{\"id\": tru");
        assertThat(cm.getMetadata().getLabels()).containsEntry(Labels.INTERNAL, "true");
    }

    @Test
    void aStoreServesOneEnvironment() {
        KubernetesHistoryStore store = new KubernetesHistoryStore(client, "shop-prod", "production");
        assertThatThrownBy(() -> store.list("staging")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("this history store holds environment 'production', not 'staging'");
        assertThat(KubernetesHistoryStore.configMapName("Prod_EU")).isEqualTo("gitops-history-prod-eu");
    }
}
