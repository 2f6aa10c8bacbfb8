package io.jenkins.plugins.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.fabric8.kubernetes.api.model.ConfigMap;
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
class GitOpsSyncStepTest {
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
    void syncAppliesTheEnvironmentRecordsItAndReturnsTheMap(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);
        WorkflowJob job = GitOpsFixture.pipeline(r, "deploy-dev", """
                pipeline {
                  agent none
                  stages {
                    stage('Deploy development') {
                      steps {
                        script {
                          def result = gitopsSync environment: 'development'
                          echo "revision=${result.revision} created=${result.created} health=${result.health} record=${result.recordId}"
                        }
                      }
                    }
                  }
                }""");

        WorkflowRun run = r.buildAndAssertSuccess(job);

        String head = GitOpsFixture.head(repository);
        // the engine creates the environment's Namespace (createNamespace defaults to true) besides the two objects
        r.assertLogContains("revision=" + head + " created=3 health=Healthy record=deploy-dev#1/1", run);
        r.assertLogContains("[gitops] development @ " + head.substring(0, 12)
                + ": 3 created, 0 updated, 0 deleted, 0 unchanged; health Healthy", run);
        r.assertLogNotContains(GitOpsFixture.TOKEN, run);
        ConfigMap live = api.client().configMaps().inNamespace("docs-dev").withName("docs-config").get();
        assertThat(live.getData()).containsEntry("greeting", "hello from development");
        assertThat(live.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "jenkins-gitops");
        DeploymentEntry entry = run.getAction(DeploymentAction.class).getEntries().get(0);
        assertThat(entry.getId()).isEqualTo("deploy-dev#1/1");
        assertThat(entry.getCreated()).isEqualTo(3);
        assertThat(api.client().namespaces().withName("docs-dev").get()).isNotNull();
        assertThat(entry.getRepository()).isEqualTo(repository.toString());
    }

    @Test
    void aSecondSyncOfTheSameRevisionChangesNothing(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);
        WorkflowJob job = GitOpsFixture.pipeline(r, "twice", """
                def first = gitopsSync environment: 'development'
                def second = gitopsSync environment: 'development'
                echo "second: created=${second.created} updated=${second.updated} unchanged=${second.unchanged}"
                """);

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("second: created=0 updated=0 unchanged=3", run);
        assertThat(run.getAction(DeploymentAction.class).getEntries()).hasSize(2);
    }

    @Test
    void badArgumentsFailTheStepWithTheReasonAndWithoutAStackTrace(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);
        WorkflowJob job = GitOpsFixture.pipeline(r, "typo", "gitopsSync environment: 'prod env', timeout: 'soon'");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("gitopsSync: environment 'prod env' is not an environment name of gitops.yaml", run);
        r.assertLogContains("gitopsSync: timeout: 'soon' is not a duration", run);
        r.assertLogNotContains("\tat io.jenkins.plugins.gitops", run);
        assertThat(run.getAction(DeploymentAction.class)).isNull();
    }

    @Test
    void unknownEnvironmentFailsWithTheKnownOnes(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);
        WorkflowJob job = GitOpsFixture.pipeline(r, "unknown", "gitopsSync environment: 'qa'");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("no environment 'qa' (known: development, staging, production)", run);
    }

    @Test
    void missingCredentialsAreNamed(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);
        WorkflowJob job = GitOpsFixture.pipeline(r, "creds",
                "gitopsSync environment: 'development', targetCredentialsId: 'no-such-kubeconfig'");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("Credentials 'no-such-kubeconfig' for the target were not found", run);
    }

    @Test
    void anEnvironmentWithoutTargetCredentialsIsRefusedInsteadOfUsingTheControllersOwn(JenkinsRule r) throws Exception {
        GitOpsConfiguration.get().setRepositories(List.of(new GitOpsRepository(repository.toString())));
        WorkflowJob job = GitOpsFixture.pipeline(r, "ambient", "gitopsSync environment: 'development'");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("environment 'development' (Kubernetes) has no target credentials", run);
        r.assertLogContains("the controller's own kubeconfig and service account are not used", run);
        assertThat(api.client().namespaces().withName("docs-dev").get()).isNull();
    }

    @Test
    void aRepositoryThatIsNotConfiguredIsRefusedAndALocalPathAlways(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);
        Path other = GitOpsFixture.gitRepository(dir.resolve("other"));
        WorkflowJob job = GitOpsFixture.pipeline(r, "elsewhere",
                "gitopsSync environment: 'development', repository: '" + other + "'");

        r.assertLogContains("repository '" + other + "' is not configured under Manage Jenkins > System > GitOps",
                r.buildAndAssertStatus(Result.FAILURE, job));
        GitOpsConfiguration.get().setUnconfiguredRepositoriesAllowed(true);
        r.assertLogContains("is a path on the Jenkins controller", r.buildAndAssertStatus(Result.FAILURE, job));
        assertThat(api.client().namespaces().withName("docs-dev").get()).isNull();
    }

    @Test
    void parallelSyncsOfOneBuildGetDistinctRecordIds(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);
        WorkflowJob job = GitOpsFixture.pipeline(r, "parallel", """
                parallel dev: { gitopsSync environment: 'development' },
                         stg: { gitopsSync environment: 'staging', wait: false },
                         prod: { gitopsSync environment: 'production', wait: false }
                """);

        WorkflowRun run = r.buildAndAssertSuccess(job);

        assertThat(run.getAction(DeploymentAction.class).getEntries()).extracting(DeploymentEntry::getId)
                .containsExactlyInAnyOrder("parallel#1/1", "parallel#1/2", "parallel#1/3");
    }
}
