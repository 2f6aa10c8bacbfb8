package io.jenkins.plugins.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.cluster.kubernetes.InProcessKubernetes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * syncs again (idempotent: nothing is re-created) and keeps waiting until the rollout is done.
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
    void healthWaitResumesAfterRestart() throws Throwable {
        Path repository = GitOpsFixture.gitRepository(dir);
        sessions.then(r -> {
            GitOpsFixture.configure(r, repository, api);
            WorkflowJob job = GitOpsFixture.pipeline(r, "staging", """
                    def result = gitopsSync environment: 'staging', timeout: '5m'
                    echo "staging health=${result.health} created=${result.created} unchanged=${result.unchanged}"
                    """);
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (api.client().apps().deployments().inNamespace("docs-staging").withName("docs-web").get() == null) {
                assertThat(Instant.now()).as("the sync created the Deployment").isBefore(deadline);
                Thread.sleep(200);
            }
            assertThat(run.isBuilding()).as("still waiting for the rollout").isTrue();
        });
        sessions.then(r -> {
            WorkflowJob job = r.jenkins.getItemByFullName("staging", WorkflowJob.class);
            WorkflowRun run = job.getBuildByNumber(1);
            r.waitForMessage("Jenkins restarted during gitopsSync of staging", run);
            api.startControllerStandIn(); // the cluster's controllers catch up: the rollout completes

            r.assertBuildStatusSuccess(r.waitForCompletion(run));

            r.assertLogContains("staging health=Healthy created=0 unchanged=2", run);
            assertThat(run.getAction(DeploymentAction.class).getEntries()).hasSize(1);
        });
    }
}
