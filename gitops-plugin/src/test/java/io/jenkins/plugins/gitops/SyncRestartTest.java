package io.jenkins.plugins.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.lease.KubernetesLease;
import io.jenkins.plugins.gitops.engine.pipeline.LeaseHolders;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A gitopsSync waiting for health survives a controller restart: after the restart the execution
 * syncs again (idempotent: nothing is re-created) at the commit it resolved before the restart, even
 * though the branch has moved on, takes its own environment lock again although a crash left it held,
 * and keeps waiting until the rollout is done.
 */
@Timeout(600)
class SyncRestartTest {
    private InProcessKubernetes api;

    /** One API for both Jenkins sessions (the cluster outlives the controller restart); no controller stand-in yet. */
    @BeforeEach
    void startApi() {
        api = InProcessKubernetes.start();
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @TempDir
    Path dir;

    @Test
    void healthWaitResumesAfterRestartAtTheResolvedCommitAndRetakesItsOwnLock() throws Throwable {
        Path repository = GitOpsFixture.gitRepository(dir);
        String resolved = GitOpsFixture.head(repository);
        AtomicReference<String> holder = new AtomicReference<>();
        sessions.then(r -> {
            GitOpsFixture.configure(r, repository, api);
            WorkflowJob job = GitOpsFixture.pipeline(r, "staging", """
                    def result = gitopsSync environment: 'staging', timeout: '5m'
                    echo "staging revision=${result.revision} health=${result.health} created=${result.created} unchanged=${result.unchanged}"
                    """);
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (api.client().apps().deployments().inNamespace("docs-staging").withName("docs-web").get() == null) {
                assertThat(Instant.now()).as("the sync created the Deployment").isBefore(deadline);
                Thread.sleep(200);
            }
            assertThat(run.isBuilding()).as("still waiting for the rollout").isTrue();
            String node = run.getExecution().getCurrentHeads().get(0).getId();
            holder.set(LeaseHolders.step(Controller.id(), run.getExternalizableId(), node));
        });
        // while Jenkins is down: the branch moves on, and the lock is held as a crash would have left it
        String moved = GitOpsFixture.commit(repository, "environments/staging/configmap.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: docs-after-restart
                data:
                  note: committed while Jenkins was down
                """, "A change the resumed sync must not deploy");
        holdLock("docs-staging", "staging", holder.get());
        sessions.then(r -> {
            WorkflowJob job = r.jenkins.getItemByFullName("staging", WorkflowJob.class);
            WorkflowRun run = job.getBuildByNumber(1);
            r.waitForMessage("Jenkins restarted during gitopsSync of staging; syncing again at " + resolved, run);
            api.startControllerStandIn(); // the cluster's controllers catch up: the rollout completes

            r.assertBuildStatusSuccess(r.waitForCompletion(run));

            r.assertLogContains("staging revision=" + resolved + " health=Healthy created=0 unchanged=2", run);
            assertThat(run.getAction(DeploymentAction.class).getEntries()).hasSize(1);
            assertThat(moved).isNotEqualTo(resolved);
            assertThat(api.client().configMaps().inNamespace("docs-staging").withName("docs-after-restart").get())
                    .as("the commit made during the restart is not deployed by the resumed step").isNull();
        });
    }

    /** Writes the environment's Lease as held by {@code holder} for an hour, as a controller crash leaves it. */
    private void holdLock(String namespace, String environment, String holder) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        api.client().leases().inNamespace(namespace).withName(KubernetesLease.leaseName(environment))
                .edit(lease -> new LeaseBuilder(lease).editSpec().withHolderIdentity(holder).withAcquireTime(now)
                        .withRenewTime(now).withLeaseDurationSeconds(3600).endSpec().build());
    }
}
