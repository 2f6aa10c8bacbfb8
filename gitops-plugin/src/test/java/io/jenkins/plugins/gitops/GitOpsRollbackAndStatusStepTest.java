package io.jenkins.plugins.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentEntry;
import java.nio.file.Path;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
@Timeout(300)
class GitOpsRollbackAndStatusStepTest {
    private InProcessKubernetes api;

    @BeforeEach
    void startApi() {
        api = InProcessKubernetes.start();
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @TempDir
    Path dir;
    private Path repository;

    @BeforeEach
    void repository() throws Exception {
        repository = GitOpsFixture.gitRepository(dir);
    }

    @Test
    void statusReportsTheSyncedRevisionAndHealth(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);
        WorkflowJob job = GitOpsFixture.pipeline(r, "status", """
                gitopsSync environment: 'development'
                def s = gitopsStatus environment: 'development'
                echo "status: revision=${s.revision} health=${s.health} inSync=${s.inSync} behindGit=${s.behindGit}"
                """);

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("status: revision=" + GitOpsFixture.head(repository)
                + " health=Healthy inSync=true behindGit=false", run);
        assertThat(run.getAction(DeploymentAction.class).getEntries()).hasSize(1);
    }

    @Test
    void statusReturnsTheDeliveryFiguresAsPlainData(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);
        WorkflowJob job = GitOpsFixture.pipeline(r, "figures", """
                gitopsSync environment: 'development'
                def d = gitopsStatus(environment: 'development').delivery
                echo "delivery: deployments=${d.deployments} band=${d.deploymentFrequencyBand} cfr=${d.changeFailureRate} cfrBand=${d.changeFailureRateBand} restore=${d.timeToRestoreMedianSeconds} commits=${d.commits} lead=${d.leadTimeMedianSeconds != null}"
                """);

        WorkflowRun run = r.buildAndAssertSuccess(job);

        // one successful deployment in 30 days: 1/30 a day is "medium"; its commit gives one lead time sample
        r.assertLogContains("delivery: deployments=1 band=medium cfr=0.0 cfrBand=elite restore=null commits=1 lead=true", run);
    }

    @Test
    void rollbackToPreviousRevertsInGitAndSyncsTheRevert(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);
        r.buildAndAssertSuccess(GitOpsFixture.pipeline(r, "first", "gitopsSync environment: 'development'"));
        GitOpsFixture.commit(repository, "environments/development/configmap.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: docs-config
                data:
                  greeting: a bad change
                """, "A change to roll back");
        r.buildAndAssertSuccess(GitOpsFixture.pipeline(r, "second", "gitopsSync environment: 'development'"));
        assertThat(api.client().configMaps().inNamespace("docs-dev").withName("docs-config").get().getData())
                .containsEntry("greeting", "a bad change");
        WorkflowJob job = GitOpsFixture.pipeline(r, "rollback", """
                def r = gitopsRollback environment: 'development', to: 'previous'
                echo "rolled back: commit=${r.commitId} record=${r.recordId}"
                """);

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("record=rollback#1/1", run);
        assertThat(api.client().configMaps().inNamespace("docs-dev").withName("docs-config").get().getData())
                .containsEntry("greeting", "hello from development");
        assertThat(GitOpsFixture.fileAtHead(repository, "environments/development/configmap.yaml"))
                .contains("hello from development");
        List<DeploymentEntry> entries = run.getAction(DeploymentAction.class).getEntries();
        assertThat(entries).extracting(DeploymentEntry::getOperation).containsExactly("rollback");
    }

    @Test
    void rollbackToPreviousWithOnlyTheCurrentReleaseRecordedFailsAndWritesNothing(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);
        r.buildAndAssertSuccess(GitOpsFixture.pipeline(r, "first", "gitopsSync environment: 'development'"));
        String head = GitOpsFixture.commit(repository, "README.md", "deployments\n", "a commit outside the environment");
        r.buildAndAssertSuccess(GitOpsFixture.pipeline(r, "second", "gitopsSync environment: 'development'"));

        WorkflowRun run = r.buildAndAssertStatus(hudson.model.Result.FAILURE, GitOpsFixture.pipeline(r, "rollback",
                "gitopsRollback environment: 'development', to: 'previous'"));

        r.assertLogContains("nothing to roll back to, nothing was changed", run);
        assertThat(GitOpsFixture.head(repository)).isEqualTo(head);
        assertThat(run.getAction(DeploymentAction.class)).isNull();
    }

    @Test
    void unknownRollbackModeFailsWithTheChoices(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);
        WorkflowRun run = r.buildAndAssertStatus(hudson.model.Result.FAILURE, GitOpsFixture.pipeline(r, "mode",
                "gitopsRollback environment: 'development', mode: 'force'"));

        r.assertLogContains("gitopsRollback: mode 'force' is unknown; use 'revert' or 'direct'", run);
    }
}
