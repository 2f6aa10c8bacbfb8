package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.gitops.engine.api.DriftReport;
import io.jenkins.plugins.gitops.engine.api.OperationResult;
import io.jenkins.plugins.gitops.engine.api.PromoteRequest;
import io.jenkins.plugins.gitops.engine.api.RollbackRequest;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.model.NotificationTrigger;
import io.jenkins.plugins.gitops.engine.notify.NotificationEvent;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import io.jenkins.plugins.gitops.engine.window.WindowClosedException;
import io.jenkins.plugins.gitops.engine.window.WindowState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deployment windows through the facade at fixed clocks, on real Git and the in-process API: gitops/windows has
 * prod open on weekdays 08:00-18:00 Berlin time (from defaults) and dev with a night deny window for automatic
 * syncs only (docs/windows.md).
 */
@Timeout(180)
class GitOpsWindowsTest {
    /** Saturday 24 October 2026, 12:00 CEST: prod's allow window is closed. */
    private static final Instant SATURDAY = Instant.parse("2026-10-24T10:00:00Z");
    /** Thursday 22 October 2026, 12:00 CEST: open. */
    private static final Instant THURSDAY_NOON = Instant.parse("2026-10-22T10:00:00Z");
    /** Thursday 22 October 2026, 22:00 CEST: inside dev's night deny window. */
    private static final Instant THURSDAY_NIGHT = Instant.parse("2026-10-22T20:00:00Z");

    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private WorkRepository repo;
    private final List<String> log = new ArrayList<>();
    private final List<NotificationEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        api = InProcessKubernetes.start();
        api.startControllerStandIn();
        repo = new WorkRepository(temp.resolve("repo"), "gitops/windows");
    }

    @AfterEach
    void stop() {
        repo.close();
        api.close();
    }

    private GitOps gitOps(Instant now) {
        return GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache"))
                .targets(env -> new KubernetesTarget(api.newClient(), env)).listener(log::add).holder("ci")
                .notifier(events::add).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    /** A person's edit of dev's image; retried when the controller stand-in wrote the status in between (409). */
    private void editByHand(String image) {
        for (int attempt = 1; ; attempt++) {
            try {
                api.client().apps().deployments().inNamespace("win-dev").withName("web").edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
                    return d;
                });
                return;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private Deployment web(String namespace) {
        return api.client().apps().deployments().inNamespace(namespace).withName("web").get();
    }

    @Test
    void aManualSyncOutsideTheWindowIsRefusedBeforeAnythingIsWrittenAndPassesWithARecordedOverride() {
        try (GitOps gitOps = gitOps(SATURDAY)) {
            WindowClosedException refused = catchThrowableOfType(WindowClosedException.class,
                    () -> gitOps.sync(SyncRequest.of("prod")));

            assertThat(refused).isInstanceOf(InvalidInputException.class); // exit 2, like a policy refusal
            assertThat(refused.getMessage()).isEqualTo("gitops.yaml: sync of 'prod' refused: deployment window closed:"
                    + " outside every allow window (allow window defaults.windows[0] (schedule '0 8 * * 1-5' for 10h,"
                    + " Europe/Berlin)); opens 2026-10-26 08:00 CET (Europe/Berlin); wait for it, or give the reason to"
                    + " deploy anyway with --override-window \"reason\" (Pipeline steps: overrideWindow: 'reason');"
                    + " it is recorded in the history");
            assertThat(web("win-prod")).isNull();
            assertThat(gitOps.history("prod")).isEmpty();
            assertThat(log).noneMatch(line -> line.contains("rendered"));
            // a dry run writes nothing, so no window applies to it
            assertThat(gitOps.diff(SyncRequest.of("prod")).created()).isPositive();

            SyncResult overridden = gitOps.sync(SyncRequest.of("prod").withOverrideWindow("  hotfix for INC-42\n "));
            assertThat(overridden.succeeded()).as(overridden.message()).isTrue();
            assertThat(web("win-prod")).isNotNull();
            String note = "hotfix for INC-42 (closed: outside every allow window (allow window defaults.windows[0]"
                    + " (schedule '0 8 * * 1-5' for 10h, Europe/Berlin)))";
            assertThat(overridden.warnings()).contains("deployment window overridden: " + note);
            DeploymentRecord record = gitOps.history("prod").get(0);
            assertThat(record.windowOverride()).isEqualTo(note);
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.trigger()).isEqualTo(NotificationTrigger.WINDOW_OVERRIDE);
                assertThat(e.environment()).isEqualTo("prod");
                assertThat(e.receivers()).containsExactly("ops");
                assertThat(e.message()).isEqualTo("sync outside the deployment window, overridden: " + note);
                assertThat(e.revision()).as("sent with the deployment that used it").isEqualTo(record.revision());
                assertThat(e.recordId()).isEqualTo(record.id());
            });
        }
        try (GitOps gitOps = gitOps(THURSDAY_NOON)) {
            repo.write("environments/prod/kustomization.yaml", repo.read("environments/prod/kustomization.yaml")
                    .replace("newTag: 1.0.0", "newTag: 1.0.1"));
            repo.commit("prod 1.0.1");
            SyncResult inside = gitOps.sync(SyncRequest.of("prod").withOverrideWindow("not needed"));
            assertThat(inside.succeeded()).as(inside.message()).isTrue();
            assertThat(gitOps.history("prod").get(0).windowOverride()).isNull(); // open: nothing was overridden
        }
    }

    @Test
    void promotionsAndRollbacksIntoAClosedEnvironmentAreRefusedBeforeAnyCommitUnlessOverridden() {
        try (GitOps open = gitOps(THURSDAY_NOON)) {
            assertThat(open.sync(SyncRequest.of("dev")).succeeded()).isTrue();
            assertThat(open.sync(SyncRequest.of("prod")).succeeded()).isTrue();
        }
        String tip = repo.tip();
        try (GitOps gitOps = gitOps(SATURDAY)) {
            WindowClosedException promotion = catchThrowableOfType(WindowClosedException.class,
                    () -> gitOps.promote(PromoteRequest.of("dev", "prod").withSync(true)));
            assertThat(promotion.getMessage()).startsWith("gitops.yaml: promotion of 'prod' refused: deployment window"
                    + " closed: outside every allow window");
            WindowClosedException rollback = catchThrowableOfType(WindowClosedException.class,
                    () -> gitOps.rollback(RollbackRequest.of("prod").withTo(tip)));
            assertThat(rollback.getMessage()).startsWith("gitops.yaml: rollback of 'prod' refused");
            repo.pull();
            assertThat(repo.tip()).isEqualTo(tip); // nothing pushed
            assertThat(gitOps.history("prod")).hasSize(1);

            OperationResult promoted = gitOps.promote(PromoteRequest.of("dev", "prod").withSync(true)
                    .withOverrideWindow("customer demo on Monday"));
            assertThat(promoted.succeeded()).as(promoted.message()).isTrue();
            assertThat(web("win-prod").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .isEqualTo("shop/web:1.2.0");
            assertThat(gitOps.history("prod").get(0).windowOverride()).startsWith("customer demo on Monday (closed: ");

            OperationResult back = gitOps.rollback(RollbackRequest.of("prod").withOverrideWindow("demo cancelled"));
            assertThat(back.succeeded()).as(back.message()).isTrue();
            DeploymentRecord record = gitOps.history("prod").get(0);
            assertThat(record.operation()).isEqualTo(DeploymentRecord.Operation.ROLLBACK);
            assertThat(record.windowOverride()).startsWith("demo cancelled (closed: outside every allow window");
        }
    }

    @Test
    void theDriftWorkerReportsDriftOutsideTheWindowButDefersSelfHealUntilItOpens() {
        try (GitOps night = gitOps(THURSDAY_NIGHT)) {
            // the night window applies to automatic syncs only: a person may still sync
            SyncResult manual = night.sync(SyncRequest.of("dev"));
            assertThat(manual.succeeded()).as(manual.message()).isTrue();
            editByHand("shop/web:by-hand");

            DriftReport deferred = night.drift("dev", true);
            assertThat(deferred.driftedObjects()).isEqualTo(1);
            assertThat(deferred.healed()).isNull();
            assertThat(deferred.message()).endsWith("; self-heal deferred: deployment window closed: inside deny window"
                    + " environments.dev.windows[0] (schedule '0 18 * * *' for 14h, Europe/Berlin, automatic syncs"
                    + " only); opens 2026-10-23 08:00 CEST (Europe/Berlin)");
            assertThat(web("win-dev").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .isEqualTo("shop/web:by-hand");
            assertThat(night.history("dev")).hasSize(1);

            WindowState window = night.window("dev");
            assertThat(window.automaticOpen()).isFalse();
            assertThat(window.manualOpen()).isTrue();
            assertThat(window.nextChange(false)).isEqualTo(ZonedDateTime.parse("2026-10-23T08:00+02:00[Europe/Berlin]"));
        }
        try (GitOps morning = gitOps(Instant.parse("2026-10-23T06:30:00Z"))) { // Friday 08:30 CEST
            DriftReport healed = morning.drift("dev", true);
            assertThat(healed.healed()).isNotNull();
            assertThat(healed.healed().succeeded()).isTrue();
            assertThat(web("win-dev").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .isEqualTo("shop/web:1.2.0");
            assertThat(morning.history("dev").get(0).trigger()).isEqualTo(DeploymentRecord.TRIGGER_SELF_HEAL);
            assertThat(morning.history("dev").get(0).windowOverride()).isNull();
        }
    }

    @Test
    void anAutomaticSyncOfANewRevisionWaitsForTheWindowToo() {
        repo.write("gitops.yaml", repo.read("gitops.yaml").replace("    selfHeal: true\n", "    sync: automatic\n"));
        repo.commit("dev follows Git");
        try (GitOps night = gitOps(THURSDAY_NIGHT)) {
            assertThat(night.sync(SyncRequest.of("dev")).succeeded()).isTrue();
            repo.write("environments/dev/kustomization.yaml", repo.read("environments/dev/kustomization.yaml")
                    .replace("newTag: 1.2.0", "newTag: 1.3.0"));
            String next = repo.commit("dev 1.3.0");

            DriftReport deferred = night.drift("dev", true);
            assertThat(deferred.gitAhead()).isTrue();
            assertThat(deferred.headRevision()).isEqualTo(next);
            assertThat(deferred.healed()).isNull();
            assertThat(deferred.message()).contains("; automatic sync deferred: deployment window closed: inside deny"
                    + " window environments.dev.windows[0]");
        }
        try (GitOps morning = gitOps(Instant.parse("2026-10-23T06:30:00Z"))) {
            DriftReport synced = morning.drift("dev", true);
            assertThat(synced.healed()).isNotNull();
            assertThat(synced.healed().succeeded()).isTrue();
            assertThat(web("win-dev").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .isEqualTo("shop/web:1.3.0");
        }
    }

    @Test
    void aKnownSecretTypedIntoTheOverrideReasonIsMaskedInTheRecordAndTheResult() {
        String token = "tok-9f8e7d6c5b4a";
        try (GitOps gitOps = GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache"))
                .targets(env -> new KubernetesTarget(api.newClient(), env)).listener(log::add).holder("ci")
                .secrets(List.of(token)).clock(Clock.fixed(SATURDAY, ZoneOffset.UTC)).build()) {
            SyncResult result = gitOps.sync(SyncRequest.of("prod").withOverrideWindow("rotated " + token));

            assertThat(result.succeeded()).as(result.message()).isTrue();
            assertThat(result.warnings()).noneMatch(w -> w.contains(token));
            assertThat(gitOps.history("prod").get(0).windowOverride()).startsWith("rotated ").doesNotContain(token);
            assertThat(log).noneMatch(line -> line.contains(token));
        }
    }
}
