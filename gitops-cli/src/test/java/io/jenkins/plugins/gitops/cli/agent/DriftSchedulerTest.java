package io.jenkins.plugins.gitops.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DriftSchedulerTest {
    private final List<CheckOutcome> outcomes = new CopyOnWriteArrayList<>();
    private DriftScheduler scheduler;

    @AfterEach
    void stopScheduler() throws InterruptedException {
        if (scheduler != null) {
            scheduler.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void checksEachEnvironmentOnItsOwnInterval() throws Exception {
        FakeChecker checker = new FakeChecker()
                .environment("development", Duration.ofMillis(100), Reports::inSync)
                .environment("production", Duration.ofSeconds(30), Reports::inSync);
        scheduler = new DriftScheduler(checker, 2, outcomes::add);

        scheduler.start();
        waitUntil(() -> checker.runs("development").size() >= 5);

        assertThat(checker.runs("production")).hasSize(1);
        List<Instant[]> runs = checker.runs("development");
        for (int i = 1; i < runs.size(); i++) {
            Duration pause = Duration.between(runs.get(i - 1)[1], runs.get(i)[0]);
            assertThat(pause).as("pause before check %d", i).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        }
    }

    @Test
    void oneFailingEnvironmentDoesNotStopTheOthersAndIsRetried() throws Exception {
        FakeChecker checker = new FakeChecker()
                .environment("staging", Duration.ofMillis(50), env -> {
                    throw new OperationFailedException("staging: Kubernetes API https://k8s:6443 unreachable");
                })
                .environment("development", Duration.ofMillis(50), Reports::inSync);
        scheduler = new DriftScheduler(checker, 2, outcomes::add);

        scheduler.start();
        waitUntil(() -> checker.runs("staging").size() >= 3 && checker.runs("development").size() >= 3);

        assertThat(scheduler.lastOutcomes().get("staging").result()).isEqualTo(CheckOutcome.Result.FAILED);
        assertThat(scheduler.lastOutcomes().get("staging").error()).contains("unreachable");
        assertThat(scheduler.lastOutcomes().get("development").result()).isEqualTo(CheckOutcome.Result.IN_SYNC);
    }

    @Test
    void anErrorThrownByACheckIsAFailedCheckToo() throws Exception {
        FakeChecker checker = new FakeChecker().environment("staging", Duration.ofMillis(50), env -> {
            throw new NoClassDefFoundError("io/fabric8/Missing");
        });
        scheduler = new DriftScheduler(checker, 1, outcomes::add);

        scheduler.start();
        waitUntil(() -> checker.runs("staging").size() >= 2);

        assertThat(outcomes).first().extracting(CheckOutcome::result).isEqualTo(CheckOutcome.Result.FAILED);
    }

    @Test
    void neverRunsTwoChecksOfOneEnvironmentAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeChecker checker = new FakeChecker().environment("production", Duration.ofMillis(1), env -> {
            release.await(10, TimeUnit.SECONDS);
            return Reports.inSync(env);
        });
        scheduler = new DriftScheduler(checker, 4, outcomes::add);

        scheduler.start();
        Thread.sleep(200);
        CheckOutcome second = CompletableFuture.supplyAsync(() -> scheduler.check("production")).get(5, TimeUnit.SECONDS);
        release.countDown();
        waitUntil(() -> checker.runs("production").size() >= 3);

        assertThat(second).as("a check requested while one runs is skipped").isNull();
        assertThat(checker.maxConcurrent("production")).isEqualTo(1);
    }

    @Test
    void readyOnceEveryEnvironmentWasCheckedEvenIfOneFailed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeChecker checker = new FakeChecker()
                .environment("development", Duration.ofMinutes(5), Reports::inSync)
                .environment("staging", Duration.ofMinutes(5), env -> {
                    throw new OperationFailedException("boom");
                })
                .environment("production", Duration.ofMinutes(5), env -> {
                    release.await(10, TimeUnit.SECONDS);
                    return Reports.drifted(env);
                });
        scheduler = new DriftScheduler(checker, 3, outcomes::add);

        scheduler.start();
        waitUntil(() -> outcomes.size() == 2);
        assertThat(scheduler.firstRoundDone()).isFalse();
        release.countDown();
        waitUntil(() -> outcomes.size() == 3);

        assertThat(scheduler.firstRoundDone()).isTrue();
    }

    @Test
    void stopWaitsForRunningChecksAndSchedulesNoMore() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        FakeChecker checker = new FakeChecker().environment("production", Duration.ofMillis(10), env -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            finished.set(true);
            return Reports.inSync(env);
        });
        scheduler = new DriftScheduler(checker, 1, outcomes::add);
        scheduler.start();
        started.await(5, TimeUnit.SECONDS);

        CompletableFuture<Boolean> stop = CompletableFuture.supplyAsync(() -> stop(scheduler, Duration.ofSeconds(10)));
        Thread.sleep(200);
        assertThat(stop).as("stop waits for the running check").isNotDone();
        release.countDown();

        assertThat(stop.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(finished).isTrue();
        int checks = checker.runs("production").size();
        Thread.sleep(100);
        assertThat(checker.runs("production")).hasSize(checks).hasSize(1);
    }

    @Test
    void stopInterruptsChecksStillRunningAfterTheTimeout() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        FakeChecker checker = new FakeChecker().environment("production", Duration.ofMinutes(1), env -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return Reports.inSync(env);
        });
        scheduler = new DriftScheduler(checker, 1, outcomes::add);
        scheduler.start();
        started.await(5, TimeUnit.SECONDS);

        assertThat(scheduler.stop(Duration.ofMillis(200))).isFalse();
        waitUntil(interrupted::get);
    }

    @Test
    void runOnceChecksEveryEnvironmentOnceAndReturnsTheOutcomesInOrder() throws Exception {
        FakeChecker checker = new FakeChecker()
                .environment("development", Duration.ofMillis(1), Reports::inSync)
                .environment("staging", Duration.ofMillis(1), env -> Reports.drifted(env,
                        Reports.changed("Deployment", "docs-staging", "web")))
                .environment("production", Duration.ofMillis(1), env -> {
                    throw new OperationFailedException("production: Docker daemon unreachable");
                });
        scheduler = new DriftScheduler(checker, 2, outcomes::add);

        List<CheckOutcome> round = scheduler.runOnce();

        assertThat(round).extracting(CheckOutcome::environment).containsExactly("development", "staging", "production");
        assertThat(round).extracting(CheckOutcome::result).containsExactly(CheckOutcome.Result.IN_SYNC,
                CheckOutcome.Result.DRIFTED, CheckOutcome.Result.FAILED);
        assertThat(outcomes).hasSize(3);
        Thread.sleep(50);
        assertThat(checker.runs("development")).as("no periodic checks without start()").hasSize(1);
    }

    @Test
    void aFailingListenerDoesNotStopTheChecks() throws Exception {
        FakeChecker checker = new FakeChecker().environment("development", Duration.ofMillis(20), Reports::inSync);
        scheduler = new DriftScheduler(checker, 1, outcome -> {
            throw new IllegalStateException("metrics registry closed");
        });

        scheduler.start();
        waitUntil(() -> checker.runs("development").size() >= 3);

        assertThat(scheduler.firstRoundDone()).isTrue();
    }

    @Test
    void refusesAnIntervalThatIsNotPositive() {
        FakeChecker checker = new FakeChecker().environment("development", Duration.ZERO, Reports::inSync);
        scheduler = new DriftScheduler(checker, 1, outcomes::add);

        assertThatThrownBy(scheduler::start).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environments.development.driftInterval");
    }

    private static boolean stop(DriftScheduler scheduler, Duration timeout) {
        try {
            return scheduler.stop(timeout);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(10);
        }
    }
}
