package io.jenkins.plugins.gitops.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitops.engine.model.NotificationTrigger;
import io.jenkins.plugins.gitops.engine.testing.ReceiverServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Delivery to a receiver started by the test: payloads, retries, giving up, timeouts, and what the log shows. */
@Timeout(60)
class WebhookSenderTest {
    private static final String TOKEN_PATH = "/hooks/T0KEN-in-the-path-9f8e7d";
    private static final DeliverySettings FAST = DeliverySettings.DEFAULTS.withBackoff(Duration.ofMillis(50))
            .withTimeout(Duration.ofSeconds(5));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> log = new CopyOnWriteArrayList<>();
    private ReceiverServer server;
    private WebhookSender sender;

    @BeforeEach
    void start() {
        server = new ReceiverServer();
    }

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.close();
        }
        server.close();
    }

    private static NotificationEvent event() {
        return new NotificationEvent(NotificationTrigger.SYNC_FAILED, "production",
                "0123456789abcdef0123456789abcdef01234567", "20261129-120000-ab12", "failed",
                "Service/shop/web: create failed: HTTP 500 <Internal> & more", "sync", "alice",
                "https://jenkins.example/job/deploy/42/", List.of("audit"), Instant.parse("2026-11-29T12:00:00Z"));
    }

    @Test
    void genericWebhookGetsTheEventAsOneJsonObjectWithItsBearerToken() throws Exception {
        sender = new WebhookSender(FAST, log::add);
        sender.send(Receiver.of("audit", server.url("/events"), "bearer-token-5566", "test"), event());

        ReceiverServer.Request request = server.next(10);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("Authorization")).isEqualTo("Bearer bearer-token-5566");
        assertThat(request.header("Upgrade")).as("plain HTTP/1.1, no h2c upgrade").isNull();
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("apiVersion").asText()).isEqualTo("gitops.jenkins.io/v1");
        assertThat(body.get("kind").asText()).isEqualTo("GitOpsNotification");
        assertThat(body.get("trigger").asText()).isEqualTo("on-sync-failed");
        assertThat(body.get("environment").asText()).isEqualTo("production");
        assertThat(body.get("revision").asText()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(body.get("recordId").asText()).isEqualTo("20261129-120000-ab12");
        assertThat(body.get("result").asText()).isEqualTo("failed");
        assertThat(body.get("message").asText()).isEqualTo("Service/shop/web: create failed: HTTP 500 <Internal> & more");
        assertThat(body.get("operation").asText()).isEqualTo("sync");
        assertThat(body.get("actor").asText()).isEqualTo("alice");
        assertThat(body.get("link").asText()).isEqualTo("https://jenkins.example/job/deploy/42/");
        assertThat(body.get("time").asText()).isEqualTo("2026-11-29T12:00:00Z");
        assertThat(body.get("receiver").asText()).isEqualTo("audit");
        assertThat(sender.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(log).isEmpty();
    }

    @Test
    void slackReceiverGetsTextAndBlocksWithSlacksControlCharactersEscaped() throws Exception {
        sender = new WebhookSender(FAST, log::add);
        sender.send(Receiver.of("ops", "slack:" + server.url(TOKEN_PATH), null, "test"), event());

        ReceiverServer.Request request = server.next(10);
        assertThat(request.path()).isEqualTo(TOKEN_PATH);
        assertThat(request.header("Authorization")).isNull();
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("text").asText()).isEqualTo("on-sync-failed production @ 0123456789ab: failed - "
                + "Service/shop/web: create failed: HTTP 500 &lt;Internal&gt; &amp; more");
        JsonNode section = body.get("blocks").get(0);
        assertThat(section.get("type").asText()).isEqualTo("section");
        assertThat(section.get("text").get("type").asText()).isEqualTo("mrkdwn");
        assertThat(section.get("text").get("text").asText()).isEqualTo("*on-sync-failed* `production` @ `0123456789ab`:"
                + " failed\nService/shop/web: create failed: HTTP 500 &lt;Internal&gt; &amp; more");
        JsonNode context = body.get("blocks").get(1);
        assertThat(context.get("type").asText()).isEqualTo("context");
        assertThat(context.get("elements").get(0).get("text").asText())
                .isEqualTo("sync by alice · record 20261129-120000-ab12 · <https://jenkins.example/job/deploy/42/|open>");
    }

    @Test
    void retriesAfterServerErrorsAndTooManyRequestsThenDelivers() throws Exception {
        server.respond(500, 429);
        sender = new WebhookSender(FAST, log::add);
        sender.send(Receiver.of("audit", server.url("/events"), null, "test"), event());

        assertThat(sender.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(server.requests()).hasSize(3);
        assertThat(server.requests()).extracting(ReceiverServer.Request::body).containsOnly(server.requests().get(0).body());
        assertThat(log).isEmpty();
    }

    @Test
    void givesUpAfterTheLastAttemptWithOneLogLineNamingTheReceiverNotItsUrl() throws Exception {
        server.respond(503, 502, 500, 500);
        sender = new WebhookSender(FAST.withAttempts(3), log::add);
        sender.send(Receiver.of("ops", "slack:" + server.url(TOKEN_PATH), null, "test"), event());

        assertThat(sender.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(server.requests()).hasSize(3);
        assertThat(log).containsExactly("notification on-sync-failed production @ 0123456789ab: failed to receiver 'ops'"
                + " (slack): gave up after 3 attempt(s): HTTP 500");
        assertThat(String.join("\n", log)).doesNotContain("T0KEN", "127.0.0.1");
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        server.respond(404);
        sender = new WebhookSender(FAST, log::add);
        sender.send(Receiver.of("audit", server.url("/gone"), null, "test"), event());

        assertThat(sender.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(server.requests()).hasSize(1);
        assertThat(log).singleElement().asString().contains("refused with HTTP 404", "not retried");
    }

    @Test
    void aReceiverThatNeverAnswersCostsTheCallerNothingAndIsGivenUpAfterTheTimeout() throws Exception {
        server.respond(ReceiverServer.HANG);
        sender = new WebhookSender(FAST.withTimeout(Duration.ofMillis(500)), log::add);
        long before = System.nanoTime();
        sender.send(Receiver.of("audit", server.url("/slow"), null, "test"), event());
        long queuedNanos = System.nanoTime() - before;

        assertThat(Duration.ofNanos(queuedNanos)).isLessThan(Duration.ofMillis(500)); // send only queues
        assertThat(sender.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(server.requests()).hasSize(1); // answered nothing: possibly acted on, so not sent twice
        assertThat(log).singleElement().asString().contains("to receiver 'audit'", "no answer within 500ms");
    }

    @Test
    void aRefusedConnectionIsRetriedThenGivenUpAsALogLine() throws Exception {
        String url = server.url("/events");
        server.close(); // nothing listens there any more
        sender = new WebhookSender(FAST, log::add);
        sender.send(Receiver.of("audit", url, "bearer-token-5566", "test"), event());

        assertThat(sender.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(log).singleElement().asString().contains("gave up after 3 attempt(s)", "ConnectException")
                .doesNotContain("bearer-token-5566", "/events");
    }

    @Test
    void closingWaitsBoundedForWhatIsPendingSoAShortRunStillDelivers() throws Exception {
        server.respond(500);
        sender = new WebhookSender(FAST.withBackoff(Duration.ofMillis(300)), log::add);
        sender.send(Receiver.of("audit", server.url("/events"), null, "test"), event());
        sender.close(Duration.ofSeconds(10));

        assertThat(server.requests()).hasSize(2);
        assertThat(sender.pending()).isZero();
        assertThat(log).isEmpty();
    }

    @Test
    void closingGivesUpOnWhatIsStillPendingAfterTheWaitWithALogLine() {
        server.respond(ReceiverServer.HANG);
        sender = new WebhookSender(FAST, log::add);
        sender.send(Receiver.of("audit", server.url("/slow"), null, "test"), event());
        sender.close(Duration.ofMillis(300));

        assertThat(log).contains("notifications: 1 not delivered within 300ms before exit; given up");
    }
}
