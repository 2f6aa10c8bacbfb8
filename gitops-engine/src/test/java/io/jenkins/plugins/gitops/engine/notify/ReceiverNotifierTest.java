package io.jenkins.plugins.gitops.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.NotificationTrigger;
import io.jenkins.plugins.gitops.engine.testing.ReceiverServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Receiver names looked up in what the operator defined; undefined names are a warning, never an error. */
@Timeout(60)
class ReceiverNotifierTest {
    private final List<String> log = new CopyOnWriteArrayList<>();

    private static NotificationEvent event(String... receivers) {
        return new NotificationEvent(NotificationTrigger.DRIFT_DETECTED, "staging", null, null, "drifted",
                "1 object(s) changed outside Git", "drift", "agent", null, List.of(receivers), Instant.now());
    }

    @Test
    void environmentVariablesDefineReceiversByNameWithTypeAndToken() {
        ReceiverDirectory directory = ReceiverDirectory.fromEnvironment(Map.of(
                "GITOPS_RECEIVER_OPS_SLACK_URL", "slack:https://hooks.slack.example/services/T0/B0/XYZ",
                "GITOPS_RECEIVER_AUDIT_URL", "https://audit.example/events",
                "GITOPS_RECEIVER_AUDIT_TOKEN", "audit-token-42",
                "GITOPS_RECEIVER_CHAT_URL", "https://chat.example/hooks/abc",
                "GITOPS_RECEIVER_CHAT_TYPE", "slack"));

        Receiver ops = directory.find("ops-slack").orElseThrow();
        assertThat(ops.type()).isEqualTo(Receiver.Type.SLACK);
        assertThat(ops.url()).hasToString("https://hooks.slack.example/services/T0/B0/XYZ");
        Receiver audit = directory.find("audit").orElseThrow();
        assertThat(audit.type()).isEqualTo(Receiver.Type.WEBHOOK);
        assertThat(audit.token()).isEqualTo("audit-token-42");
        assertThat(directory.find("chat").orElseThrow().type()).isEqualTo(Receiver.Type.SLACK);
        assertThat(directory.find("pager")).isEmpty();
        assertThat(audit.toString()).isEqualTo("Receiver[audit, webhook]").doesNotContain("audit-token-42");
    }

    @Test
    void theUrlTokenQueryAndATokenLikePathAreSecretButNotAShortPathMessagesAlsoUse() {
        assertThat(Receiver.of("ops", "slack:https://hooks.slack.example/services/T0/B0/XYZ123", null, "x").secretValues())
                .containsExactly("https://hooks.slack.example/services/T0/B0/XYZ123", "/services/T0/B0/XYZ123");
        assertThat(Receiver.of("audit", "https://audit.example/api?key=k3y-value", "bearer-1234", "x").secretValues())
                .containsExactly("https://audit.example/api?key=k3y-value", "key=k3y-value", "bearer-1234");
    }

    @Test
    void aBadAddressIsRefusedWithoutEchoingIt() {
        Throwable e = catchThrowable(() -> Receiver.of("ops", "ftp://files.example/T0KEN-xyz", null, "--receiver ops"));

        assertThat(e).isInstanceOf(InvalidInputException.class).hasMessageContaining("--receiver ops",
                "absolute http:// or https:// URL").hasMessageNotContaining("T0KEN-xyz");
    }

    @Test
    void anUndefinedReceiverIsWarnedAboutOnceAndTheOthersStillGetTheEvent() throws Exception {
        try (ReceiverServer server = new ReceiverServer(); WebhookSender sender = new WebhookSender(DeliverySettings.DEFAULTS,
                log::add)) {
            ReceiverNotifier notifier = new ReceiverNotifier(ReceiverDirectory.of(List.of(Receiver.of("audit",
                    server.url("/events"), null, "test"))), sender, null, log::add,
                    "define it with --receiver {NAME}=URL or {VARIABLE}");

            notifier.send(event("pager", "audit"));
            notifier.send(event("pager", "audit"));

            assertThat(server.next(10)).isNotNull();
            assertThat(server.next(10)).isNotNull();
            assertThat(log).containsExactly("notification on-drift-detected staging: drifted: receiver 'pager' is not"
                    + " defined, not sent; define it with --receiver pager=URL or GITOPS_RECEIVER_PAGER_URL");
            notifier.close();
            sender.send(Receiver.of("audit", server.url("/events"), null, "test"), event("audit"));
            assertThat(server.next(10)).as("a notifier without an exit wait leaves a shared sender running").isNotNull();
        }
    }

    @Test
    void theOperatorsDirectoriesAreAskedInOrder() {
        ReceiverDirectory options = ReceiverDirectory.of(List.of(Receiver.of("ops", "https://a.example/1", null, "x")));
        ReceiverDirectory env = ReceiverDirectory.fromEnvironment(Map.of("GITOPS_RECEIVER_OPS_URL", "https://b.example/2",
                "GITOPS_RECEIVER_AUDIT_URL", "https://b.example/3"));

        ReceiverDirectory both = options.orElse(env);

        assertThat(both.find("ops").orElseThrow().url()).hasToString("https://a.example/1");
        assertThat(both.find("audit").orElseThrow().url()).hasToString("https://b.example/3");
    }

    @Test
    void notifierWithAnExitWaitDeliversWhatIsPendingWhenClosed() throws Exception {
        try (ReceiverServer server = new ReceiverServer()) {
            server.respond(500);
            WebhookSender sender = new WebhookSender(DeliverySettings.DEFAULTS.withBackoff(Duration.ofMillis(200)), log::add);
            ReceiverNotifier notifier = new ReceiverNotifier(ReceiverDirectory.of(List.of(Receiver.of("audit",
                    server.url("/events"), null, "test"))), sender, Duration.ofSeconds(10), log::add, "");

            notifier.send(event("audit"));
            notifier.close();

            assertThat(server.requests()).hasSize(2);
            assertThat(log).isEmpty();
        }
    }
}
