package io.jenkins.plugins.gitops.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AgentTest {
    private final Agent agent = new Agent(Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        agent.stop();
    }

    @Test
    void readyOnlyAfterStartAndTheFirstRound() throws Exception {
        int port = agent.serve(new InetSocketAddress("127.0.0.1", 0), () -> "");
        assertThat(Http.get(port, "/ready").statusCode()).as("configuration not loaded yet").isEqualTo(503);
        assertThat(Http.get(port, "/health").statusCode()).isEqualTo(200);

        FakeChecker checker = new FakeChecker().environment("development", Duration.ofMinutes(5), Reports::inSync);
        assertThat(agent.start(new DriftScheduler(checker, 1, outcome -> { }))).isTrue();

        DriftSchedulerTest.waitUntil(agent::ready);
        assertThat(Http.get(port, "/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void stopClosesEndpointsAndResourcesOnceEvenWhenCalledTwice() throws Exception {
        int port = agent.serve(new InetSocketAddress("127.0.0.1", 0), () -> "");
        AtomicInteger closed = new AtomicInteger();
        FakeChecker checker = new FakeChecker().environment("development", Duration.ofMinutes(5), Reports::inSync);
        agent.start(new DriftScheduler(checker, 1, outcome -> { }), closed::incrementAndGet);

        assertThat(agent.stop()).isTrue();
        assertThat(agent.stop()).isTrue();
        agent.awaitStopped();

        assertThat(closed).hasValue(1);
        assertThatThrownBy(() -> Http.get(port, "/health")).isInstanceOf(IOException.class);
    }

    @Test
    void aStopBeforeStartStartsNothing() {
        agent.stop();
        FakeChecker checker = new FakeChecker().environment("development", Duration.ofMillis(10), Reports::inSync);

        assertThat(agent.start(new DriftScheduler(checker, 1, outcome -> { }))).isFalse();
        assertThat(checker.runs("development")).isEmpty();
        assertThat(agent.ready()).isFalse();
    }
}
