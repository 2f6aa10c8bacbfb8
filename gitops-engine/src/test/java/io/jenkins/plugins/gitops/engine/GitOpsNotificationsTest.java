package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitops.engine.api.DriftReport;
import io.jenkins.plugins.gitops.engine.api.OperationResult;
import io.jenkins.plugins.gitops.engine.api.RollbackRequest;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.TargetException;
import io.jenkins.plugins.gitops.engine.cluster.TargetFactory;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.notify.DeliverySettings;
import io.jenkins.plugins.gitops.engine.notify.Receiver;
import io.jenkins.plugins.gitops.engine.notify.ReceiverDirectory;
import io.jenkins.plugins.gitops.engine.notify.ReceiverNotifier;
import io.jenkins.plugins.gitops.engine.notify.WebhookSender;
import io.jenkins.plugins.gitops.engine.testing.FaultyTarget;
import io.jenkins.plugins.gitops.engine.testing.ReceiverServer;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events of real operations against the in-process Kubernetes API, sent to a receiver started by the test as
 * gitops/notify/gitops.yaml subscribes them: {@code audit} a generic webhook, {@code ops} a Slack-compatible one.
 */
@Timeout(180)
class GitOpsNotificationsTest {
    private static final String LINK = "https://ci.example/job/deploy/7/";
    private static final String SLACK_PATH = "/services/T000/B000/sl4ck-T0KEN-abc";
    private static final String BEARER = "audit-bearer-t0ken-778";
    private static final String SECRET_VALUE = "s3cr3t-Hunter2-value"; // stringData of Secret web-db in the fixture
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private WorkRepository repo;
    private ReceiverServer server;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        api = InProcessKubernetes.start();
        api.startControllerStandIn();
        repo = new WorkRepository(temp.resolve("repo"), "gitops/notify");
        server = new ReceiverServer();
    }

    @AfterEach
    void stop() {
        server.close();
        repo.close();
        api.close();
    }

    private GitOps gitOps(TargetFactory targets, DeliverySettings settings) {
        return gitOps(repo.remote(), targets, settings);
    }

    private GitOps gitOps(String repository, TargetFactory targets, DeliverySettings settings) {
        WebhookSender sender = new WebhookSender(settings, log::add);
        ReceiverDirectory receivers = ReceiverDirectory.of(List.of(
                Receiver.of("audit", server.url("/audit"), BEARER, "test"),
                Receiver.of("ops", "slack:" + server.url(SLACK_PATH), null, "test")));
        return GitOps.builder().repository(repository).cacheDir(temp.resolve("cache")).holder("ci").targets(targets)
                .listener(log::add).link(LINK)
                .notifier(new ReceiverNotifier(receivers, sender, Duration.ofSeconds(30), log::add, "define {NAME}"))
                .build();
    }

    private GitOps gitOps() {
        return gitOps(env -> new KubernetesTarget(api.newClient(), env), DeliverySettings.DEFAULTS);
    }

    private List<JsonNode> received(String path) throws Exception {
        List<JsonNode> bodies = new java.util.ArrayList<>();
        for (ReceiverServer.Request r : server.requests()) {
            if (r.path().equals(path)) {
                bodies.add(JSON.readTree(r.body()));
            }
        }
        return bodies;
    }

    private JsonNode event(String path, String trigger) throws Exception {
        return received(path).stream().filter(b -> b.get("trigger").asText().equals(trigger)).findFirst().orElseThrow();
    }

    private List<String> triggers(String path) throws Exception {
        return received(path).stream().map(b -> b.get("trigger").asText()).toList();
    }

    @Test
    void aSyncThatEndsDegradedSendsSyncFailedAndHealthDegradedWithRecordRevisionAndLink() throws Exception {
        repo.write("environments/dev/app.yaml", repo.read("environments/dev/app.yaml").replace("docs/web:1.0.0",
                "docs/web:broken"));
        String revision = repo.commit("a release whose pods never start");
        SyncResult result;
        try (GitOps gitOps = gitOps()) {
            result = gitOps.sync(SyncRequest.of("dev").withTimeout(Duration.ofSeconds(5)));
        } // closing waits for the deliveries

        assertThat(result.succeeded()).isFalse();
        assertThat(result.health()).isEqualTo("Degraded");
        JsonNode failed = received("/audit").get(0);
        assertThat(failed.get("trigger").asText()).isEqualTo("on-sync-failed");
        assertThat(failed.get("environment").asText()).isEqualTo("dev");
        assertThat(failed.get("revision").asText()).isEqualTo(revision);
        assertThat(failed.get("recordId").asText()).isEqualTo(result.recordId());
        assertThat(failed.get("result").asText()).isEqualTo("failed");
        assertThat(failed.get("message").asText()).isEqualTo(result.message());
        assertThat(failed.get("operation").asText()).isEqualTo("sync");
        assertThat(failed.get("link").asText()).isEqualTo(LINK);
        assertThat(triggers("/audit")).containsExactly("on-sync-failed");
        assertThat(received(SLACK_PATH)).extracting(b -> b.get("text").asText())
                .anyMatch(t -> t.startsWith("on-sync-failed dev @ " + revision.substring(0, 12) + ": failed"))
                .anyMatch(t -> t.startsWith("on-health-degraded dev @ " + revision.substring(0, 12) + ": degraded"));
        assertThat(server.requests()).filteredOn(r -> r.path().equals("/audit"))
                .allMatch(r -> ("Bearer " + BEARER).equals(r.header("Authorization")));
    }

    @Test
    void secretValuesNeverReachAPayloadAndReceiverUrlsAndTokensNeverAnyLogLine() throws Exception {
        // an API server rejecting a Secret may echo the value it refused, as a 422's field error does
        TargetFactory echoing = env -> new FaultyTarget(new KubernetesTarget(api.newClient(), env), "none", r -> {
            if (r.kind().equals("Secret")) {
                throw new TargetException("Secret \"web-db\" is invalid: data[password]: Invalid value: \"" + SECRET_VALUE
                        + "\"", false, null);
            }
        });
        SyncResult result;
        try (GitOps gitOps = gitOps(echoing, DeliverySettings.DEFAULTS)) {
            result = gitOps.sync(SyncRequest.of("dev"));
        }

        assertThat(result.succeeded()).isFalse();
        assertThat(triggers("/audit")).containsExactly("on-sync-failed");
        assertThat(received(SLACK_PATH)).extracting(b -> b.get("text").asText()).anyMatch(t -> t.contains("on-sync-failed"));
        assertThat(received("/audit").get(0).get("message").asText()).contains("Secret \"web-db\" is invalid", "****");
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.body()).doesNotContain(SECRET_VALUE));
        assertThat(String.join("\n", log)).doesNotContain(SECRET_VALUE, "sl4ck-T0KEN", BEARER, SLACK_PATH);
    }

    @Test
    void aReceiverThatNeverAnswersDoesNotHoldTheSyncAndIsGivenUpWithALogLine() throws Exception {
        server.respond(ReceiverServer.HANG, ReceiverServer.HANG);
        TargetFactory failing = env -> new FaultyTarget(new KubernetesTarget(api.newClient(), env), "Service", r -> { });
        SyncResult result;
        try (GitOps gitOps = gitOps(failing, DeliverySettings.DEFAULTS.withTimeout(Duration.ofSeconds(1)))) {
            result = gitOps.sync(SyncRequest.of("dev"));
            assertThat(result.succeeded()).isFalse(); // returned while both receivers still hold their requests
            assertThat(gitOps.history("dev")).hasSize(1);
        }

        assertThat(log).anyMatch(l -> l.startsWith("notification on-sync-failed dev @ ") && l.contains("to receiver 'audit'")
                && l.contains("no answer within 1s"));
    }

    @Test
    void driftIsNotifiedOncePerDistinctDriftAndASelfHealThatPutsItBackIsNotifiedToo() throws Exception {
        try (GitOps gitOps = gitOps()) {
            assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).isTrue();
            api.client().configMaps().inNamespace("notify-dev").withName("web-config")
                    .edit(cm -> { cm.getData().put("LOG_LEVEL", "debug"); return cm; });

            DriftReport first = gitOps.drift("dev", false);
            DriftReport again = gitOps.drift("dev", false);
            DriftReport healed = gitOps.drift("dev", true);
            assertThat(first.driftedObjects()).isEqualTo(1);
            assertThat(again.driftedObjects()).isEqualTo(1);
            assertThat(healed.healed().succeeded()).isTrue();
        }

        assertThat(triggers("/audit")).containsExactlyInAnyOrder("on-drift-detected", "on-self-healed");
        JsonNode drift = event("/audit", "on-drift-detected");
        assertThat(drift.get("result").asText()).isEqualTo("drifted");
        assertThat(drift.get("message").asText()).contains("ConfigMap notify-dev/web-config (update)");
        assertThat(drift.get("revision").asText()).isEqualTo(repo.tip());
        JsonNode heal = event("/audit", "on-self-healed");
        assertThat(heal.get("result").asText()).isEqualTo("healed");
        assertThat(heal.get("operation").asText()).isEqualTo("self-heal");
        assertThat(heal.get("recordId").isNull()).isFalse();
    }

    @Test
    void aDriftCheckThatFindsADegradedWorkloadSendsHealthDegradedOnceUntilItChanges() throws Exception {
        try (GitOps gitOps = gitOps()) {
            assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).isTrue();
            // someone sets an image whose pods never start, outside Git: the controller stand-in reports it Degraded
            api.client().apps().deployments().inNamespace("notify-dev").withName("web").edit(d -> {
                d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("docs/web:broken");
                return d;
            });
            awaitDegraded();

            gitOps.drift("dev", false);
            gitOps.drift("dev", false);
        }

        assertThat(received(SLACK_PATH)).extracting(b -> b.get("text").asText()).singleElement().asString()
                .startsWith("on-health-degraded dev @ " + repo.tip().substring(0, 12) + ": degraded - 1 object(s) degraded:"
                        + " Deployment notify-dev/web: Degraded");
        assertThat(triggers("/audit")).containsExactly("on-drift-detected");
    }

    private void awaitDegraded() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var d = api.client().apps().deployments().inNamespace("notify-dev").withName("web").get();
            if (io.jenkins.plugins.gitops.engine.health.HealthChecks.of(
                    new ObjectMapper().convertValue(d, java.util.Map.class)).status()
                    == io.jenkins.plugins.gitops.engine.health.HealthStatus.DEGRADED) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the controller stand-in never reported the Deployment Degraded");
    }

    @Test
    void aRollbackThatDeploysIsNotifiedWithItsRecord() throws Exception {
        try (GitOps gitOps = gitOps()) {
            assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).isTrue();
            repo.write("environments/dev/app.yaml", repo.read("environments/dev/app.yaml").replace("docs/web:1.0.0",
                    "docs/web:1.0.1"));
            repo.commit("1.0.1");
            assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).isTrue();
            OperationResult rolledBack = gitOps.rollback(RollbackRequest.of("dev").withMode(RollbackRequest.Mode.DIRECT));
            assertThat(rolledBack.succeeded()).isTrue();

            gitOps.close();
            JsonNode event = received("/audit").get(0);
            assertThat(triggers("/audit")).containsExactly("on-rolled-back");
            assertThat(event.get("recordId").asText()).isEqualTo(rolledBack.recordId());
            assertThat(event.get("operation").asText()).isEqualTo("rollback");
            assertThat(event.get("message").asText()).startsWith("direct rollback to ");
        }
    }

    @Test
    void policyWarningsAreNotifiedAndAnUndefinedReceiverIsOnlyAWarning() throws Exception {
        repo.write("environments/dev/app.yaml", repo.read("environments/dev/app.yaml").replace("docs/web:1.0.0",
                "docs/web:latest"));
        repo.commit("latest");
        try (GitOps gitOps = gitOps()) {
            assertThat(gitOps.diff(SyncRequest.of("dev")).succeeded()).isTrue();
            assertThat(server.requests()).as("a dry run notifies nothing").isEmpty();
            assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).isTrue();
            assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).as("the same revision again").isTrue();
        }

        assertThat(triggers("/audit")).as("the same warnings are told once").containsExactly("on-policy-violation");
        assertThat(received("/audit").get(0).get("result").asText()).isEqualTo("warned");
        assertThat(received("/audit").get(0).get("message").asText()).contains("docs/web:latest");
        assertThat(log).contains("notification on-policy-violation dev @ " + repo.tip().substring(0, 12)
                + ": warned: receiver 'nobody-defined-this' is not defined, not sent; define nobody-defined-this");
    }

    @Test
    void aPromotionWithoutApprovalIsRefusedAndTheApproversAreToldItWaits() throws Exception {
        try (WorkRepository shop = new WorkRepository(temp.resolve("shop"), "gitops/promote")) {
            shop.write("gitops.yaml", shop.read("gitops.yaml").replace("    sync: approval\n", "    sync: approval\n"
                    + "    notifications: { on-approval-waiting: [ops], on-window-override: [audit] }\n"));
            shop.commit("tell the release managers");
            Throwable refused;
            try (GitOps gitOps = gitOps(shop.remote(), env -> new KubernetesTarget(api.newClient(), env),
                    DeliverySettings.DEFAULTS)) {
                refused = org.assertj.core.api.Assertions.catchThrowable(() -> gitOps.promote(
                        io.jenkins.plugins.gitops.engine.api.PromoteRequest.of("staging", "production")
                                .withTrigger("manual", "bob")));
                gitOps.notifyWindowOverride("production", shop.tip(), "sync", "carol", "hotfix for incident 42");
            }

            assertThat(refused).isInstanceOf(InvalidInputException.class).hasMessageContaining("no approver");
            assertThat(received(SLACK_PATH)).extracting(b -> b.get("text").asText()).containsExactly(
                    "on-approval-waiting production: waiting - a promotion from staging to production waits for approval"
                            + " by alice, release-managers");
            JsonNode override = received("/audit").get(0);
            assertThat(override.get("trigger").asText()).isEqualTo("on-window-override");
            assertThat(override.get("actor").asText()).isEqualTo("carol");
            assertThat(override.get("message").asText()).isEqualTo("sync outside the deployment window, overridden:"
                    + " hotfix for incident 42");
        }
    }

    @Test
    void anEnvironmentWithoutSubscriptionsSendsNothing() throws Exception {
        repo.write("gitops.yaml", repo.read("gitops.yaml").replaceAll("(?s)defaults:.*?environments:", "environments:")
                .replaceAll("(?s)    notifications:.*", ""));
        repo.commit("no notifications");
        try (GitOps gitOps = gitOps(env -> new FaultyTarget(new KubernetesTarget(api.newClient(), env), "Service",
                r -> { }), DeliverySettings.DEFAULTS)) {
            assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).isFalse();
            assertThat(gitOps.config(null).notifications("dev").isEmpty()).isTrue();
        }

        assertThat(server.requests()).isEmpty();
    }
}
