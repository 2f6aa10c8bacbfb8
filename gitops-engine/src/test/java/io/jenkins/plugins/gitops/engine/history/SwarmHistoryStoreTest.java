package io.jenkins.plugins.gitops.engine.history;

import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmHistoryStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.gitops.engine.cluster.swarm.InternalConfigs;
import io.jenkins.plugins.gitops.engine.cluster.swarm.InternalConfigs.Config;
import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmConnection;
import io.jenkins.plugins.gitops.engine.model.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Deployment history as Swarm configs on a real swarm manager (see .ci/swarm-up.sh); each test has its own stack. */
@Timeout(120)
class SwarmHistoryStoreTest {
    private static final String HOST = System.getenv("GITOPS_TEST_DOCKER_HOST");
    private final List<InternalConfigs> opened = new ArrayList<>();
    private String stack;

    @BeforeEach
    void connect() {
        assumeTrue(HOST != null, "GITOPS_TEST_DOCKER_HOST is not set: no Docker swarm manager to test against;"
                + " run `eval \"$(.ci/swarm-up.sh)\"` first (CI always does)");
        stack = "hist-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    @AfterEach
    void removeConfigs() {
        if (!opened.isEmpty()) {
            opened.get(0).list(Map.of()).forEach(c -> opened.get(0).delete(c.id()));
        }
        opened.forEach(InternalConfigs::close);
    }

    /** A new connection each time, as another CI server or the command line would have. */
    private InternalConfigs configs() {
        InternalConfigs configs = InternalConfigs.open(SwarmConnection.plain(HOST), stack);
        opened.add(configs);
        return configs;
    }

    @Test
    void eachRecordIsALabelledConfigAndANewConnectionFindsThem() {
        InternalConfigs configs = configs();
        SwarmHistoryStore store = new SwarmHistoryStore(configs, "prod");
        DeploymentRecord first = TestRecords.sync("prod", TestRecords.revision('a', 1), 1);
        DeploymentRecord second = TestRecords.sync("prod", TestRecords.revision('a', 2), 2);
        store.append(first);
        store.append(second);

        List<Config> stored = configs.list(Map.of(InternalConfigs.KIND, SwarmHistoryStore.KIND_HISTORY));
        assertThat(stored).extracting(Config::name).containsExactlyInAnyOrder(
                stack + "_gitops-history-prod-" + first.id(), stack + "_gitops-history-prod-" + second.id());
        assertThat(stored).allSatisfy(c -> {
            assertThat(c.name()).hasSizeLessThanOrEqualTo(InternalConfigs.MAX_NAME);
            assertThat(c.labels()).containsEntry(Labels.STACK_NAMESPACE, stack)
                    .containsEntry(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
                    .containsEntry(Labels.ENVIRONMENT, "prod").containsEntry(Labels.INTERNAL, "true");
        });

        SwarmHistoryStore later = new SwarmHistoryStore(configs(), "prod");
        assertThat(later.list("prod")).containsExactly(second, first);
        assertThat(later.find("prod", second.id().substring(0, 20))).contains(second);
        assertThat(later.find("prod", second.revision())).contains(second);
        assertThatThrownBy(() -> later.find("prod", "aaaa")).hasMessageContaining("matches 2 records");
        assertThat(new SwarmHistoryStore(configs, "staging").list("staging")).isEmpty();
    }

    @Test
    void keepsTheNewestTenByDefault() {
        SwarmHistoryStore store = new SwarmHistoryStore(configs(), "staging");
        List<DeploymentRecord> all = new ArrayList<>();
        // appended out of order: the newest are the latest started, not the last appended
        for (int i : new int[] {3, 0, 11, 7, 1, 10, 5, 2, 9, 4, 8, 6}) {
            DeploymentRecord r = TestRecords.sync("staging", TestRecords.revision('b', i), i);
            all.add(r);
            store.append(r);
        }
        all.sort((a, b) -> b.id().compareTo(a.id()));
        assertThat(store.list("staging")).hasSize(10).containsExactlyElementsOf(all.subList(0, 10));
        assertThat(configs().list(Map.of(InternalConfigs.KIND, SwarmHistoryStore.KIND_HISTORY))).hasSize(10);
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                SwarmHistoryStore store = new SwarmHistoryStore(configs(), "production", 50);
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        store.append(TestRecords.sync("production", TestRecords.revision('c', i), thread * 10 + i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<DeploymentRecord> records = new SwarmHistoryStore(configs(), "production", 50).list("production");
        assertThat(records).hasSize(15).extracting(DeploymentRecord::id).doesNotHaveDuplicates();
    }

    @Test
    void anUnreadableRecordIsSkippedAndTheOthersAreListed() {
        InternalConfigs configs = configs();
        configs.createUnlessExists(stack + "_gitops-history-production-broken", Map.of(Labels.ENVIRONMENT, "production",
                InternalConfigs.KIND, SwarmHistoryStore.KIND_HISTORY, SwarmHistoryStore.RECORD_ID, "0"), "{\"id\": tru");
        SwarmHistoryStore store = new SwarmHistoryStore(configs, "production");
        DeploymentRecord record = TestRecords.sync("production", TestRecords.revision('d', 1), 1);
        store.append(record);
        assertThat(store.list("production")).containsExactly(record);
    }

    @Test
    void longEnvironmentNamesKeepTheRecordIdWhole() {
        String env = "a-very-long-environment-name-for-a-customer";
        SwarmHistoryStore store = new SwarmHistoryStore(configs(), env);
        DeploymentRecord record = TestRecords.sync(env, TestRecords.revision('e', 1), 1);
        assertThat(store.configName(record)).hasSize(64).endsWith("-" + record.id());
        store.append(record);
        assertThat(store.list(env)).containsExactly(record);
        assertThatThrownBy(() -> store.list("staging")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("this history store holds environment '" + env + "', not 'staging'");
    }

    @Test
    void recordsBeyondTheNewestAreKeptAsCompactSummariesForDeliveryMetrics() {
        InternalConfigs configs = configs();
        SwarmHistoryStore store = new SwarmHistoryStore(configs, "production", 3);
        List<DeploymentRecord> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            DeploymentRecord r = TestRecords.sync("production", TestRecords.revision('f', i), i);
            all.add(0, r);
            store.append(r);
        }
        assertThat(store.list("production")).containsExactlyElementsOf(all.subList(0, 3));
        List<DeploymentRecord> deployments = new SwarmHistoryStore(configs(), "production", 3).deployments("production");
        assertThat(deployments).extracting(DeploymentRecord::id).containsExactlyElementsOf(
                all.stream().map(DeploymentRecord::id).toList());
        assertThat(deployments.subList(0, 3)).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(deployments.subList(3, 8)).containsExactlyElementsOf(
                all.subList(3, 8).stream().map(HistorySummary::compact).toList());
        assertThat(deployments.get(7).release()).isEmpty();
        assertThat(deployments.get(7).message()).isNull();
        // one summary config replaces the previous ones; only the newest three records stay as configs
        List<Config> summaries = configs.list(Map.of(InternalConfigs.KIND, "history-summary"));
        assertThat(summaries).hasSize(1).allSatisfy(c -> {
            assertThat(c.name()).startsWith(stack + "_gitops-summary-production-").hasSizeLessThanOrEqualTo(64);
            assertThat(c.labels()).containsEntry(Labels.ENVIRONMENT, "production")
                    .containsEntry(Labels.STACK_NAMESPACE, stack).containsEntry(Labels.INTERNAL, "true");
            assertThat(c.data()).doesNotContain("jenkins/job/deploy").doesNotContain("shop/web:");
        });
        assertThat(configs.list(Map.of(InternalConfigs.KIND, SwarmHistoryStore.KIND_HISTORY))).hasSize(3);
        assertThat(new SwarmHistoryStore(configs, "staging", 3).deployments("staging")).isEmpty();
    }

    @Test
    void concurrentWritersLoseNoSummary() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                SwarmHistoryStore store = new SwarmHistoryStore(configs(), "production", 2);
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        store.append(TestRecords.sync("production", TestRecords.revision('9', i), thread * 10 + i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        SwarmHistoryStore store = new SwarmHistoryStore(configs(), "production", 2);
        assertThat(store.list("production")).hasSize(2);
        assertThat(store.deployments("production")).hasSize(15).extracting(DeploymentRecord::id).doesNotHaveDuplicates();
    }
}
