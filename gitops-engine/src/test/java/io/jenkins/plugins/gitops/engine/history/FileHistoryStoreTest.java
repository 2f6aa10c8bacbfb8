package io.jenkins.plugins.gitops.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class FileHistoryStoreTest {
    @TempDir
    Path dir;

    @Test
    void listsNewestFirstPerEnvironmentAndKeepsEverything() {
        FileHistoryStore store = new FileHistoryStore(dir);
        List<DeploymentRecord> prod = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            DeploymentRecord r = TestRecords.sync("production", TestRecords.revision('a', i), i);
            prod.add(0, r);
            store.append(r);
        }
        DeploymentRecord staging = TestRecords.sync("staging", TestRecords.revision('b', 1), 1);
        store.append(staging);

        assertThat(store.list("production")).containsExactlyElementsOf(prod);
        assertThat(store.list("staging")).containsExactly(staging);
        assertThat(store.list("development")).isEmpty();
        // a second store on the same folder (another CLI run) reads the same history
        assertThat(new FileHistoryStore(dir).list("production")).hasSize(15);
        assertThat(store.file("production")).isEqualTo(dir.resolve("production.jsonl"));
    }

    @Test
    void findsByIdIdPrefixAndRevisionPrefix() {
        FileHistoryStore store = new FileHistoryStore(dir);
        DeploymentRecord first = TestRecords.sync("production", TestRecords.revision('c', 1), 1);
        DeploymentRecord second = TestRecords.sync("production", TestRecords.revision('d', 2), 2);
        DeploymentRecord again = TestRecords.sync("production", TestRecords.revision('c', 1), 3);
        List.of(first, second, again).forEach(store::append);

        assertThat(store.find("production", second.id())).contains(second);
        assertThat(store.find("production", second.id().substring(0, 20))).contains(second);
        assertThat(store.find("production", "dddd")).contains(second);
        // the same revision deployed twice: the newest record
        assertThat(store.find("production", "cccccc")).contains(again);
        assertThat(store.find("production", "eeee")).isEmpty();
        assertThat(store.find("production", "ccc")).as("too short for a revision").isEmpty();
        assertThatThrownBy(() -> store.find("production", "2026")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("'2026' matches 3 records of production (").hasMessageEndingWith("give more characters");
        assertThatThrownBy(() -> store.find("production", " ")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void concurrentAppendsLoseNothingAndLeaveNoTemporaryFiles() throws Exception {
        FileHistoryStore one = new FileHistoryStore(dir);
        FileHistoryStore two = new FileHistoryStore(dir);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                FileHistoryStore store = t % 2 == 0 ? one : two;
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        store.append(TestRecords.sync("production", TestRecords.revision('f', i), thread * 20 + i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(one.list("production")).hasSize(120).extracting(DeploymentRecord::id).doesNotHaveDuplicates();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("production.jsonl", "production.jsonl.lock");
        }
    }

    @Test
    void anUnreadableLineIsSkippedNotFatal() throws Exception {
        FileHistoryStore store = new FileHistoryStore(dir);
        DeploymentRecord before = TestRecords.sync("production", TestRecords.revision('a', 1), 1);
        store.append(before);
        Files.writeString(store.file("production"), "{not json\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        DeploymentRecord after = TestRecords.sync("production", TestRecords.revision('a', 2), 2);
        store.append(after);
        assertThat(store.list("production")).containsExactly(after, before);
    }

    @Test
    void environmentNamesCannotEscapeTheFolder() {
        FileHistoryStore store = new FileHistoryStore(dir);
        assertThatThrownBy(() -> store.list("../etc")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'../etc' cannot name a history file");
    }
}
