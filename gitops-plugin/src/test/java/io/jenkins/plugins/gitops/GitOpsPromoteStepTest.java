package io.jenkins.plugins.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentEntry;
import java.nio.file.Path;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Production has {@code sync: approval} and {@code approvers: [release-managers]}, a Jenkins group: the
 * documented input-then-promote pattern, and the refusals without it: no approver, an approver typed into
 * the Jenkinsfile without an input approval in the build, and an approval by someone outside the group. The engine promotes only a source that is deployed, healthy and in
 * sync, so the release pipeline syncs staging first.
 */
@WithJenkins
@Timeout(300)
class GitOpsPromoteStepTest {
    private InProcessKubernetes api;

    /** Staging's Deployment must become healthy before it can be promoted: the controller stand-in rolls it out. */
    @BeforeEach
    void startApi() {
        api = InProcessKubernetes.start();
        api.startControllerStandIn();
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
    void promotionIntoProductionWithoutApproverIsRefusedBeforeAnythingIsWritten(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);
        String before = GitOpsFixture.head(repository);
        WorkflowJob job = GitOpsFixture.pipeline(r, "unapproved",
                "gitopsPromote from: 'staging', to: 'production', sync: false");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("environment 'production' has sync: approval, so gitopsPromote needs approvedBy", run);
        assertThat(GitOpsFixture.head(repository)).isEqualTo(before);
        assertThat(run.getAction(DeploymentAction.class)).isNull();
    }

    @Test
    void anApproverTypedIntoTheJenkinsfileIsNoApprovalAndIsRefusedBeforeAnythingIsWritten(JenkinsRule r)
            throws Exception {
        GitOpsFixture.configure(r, repository, api);
        String before = GitOpsFixture.head(repository);
        WorkflowJob job = GitOpsFixture.pipeline(r, "forged",
                "gitopsPromote from: 'staging', to: 'production', approvedBy: 'carol', sync: false");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("gitopsPromote: approvedBy 'carol' did not approve an input step of this build"
                + " (approvals recorded: none)", run);
        assertThat(GitOpsFixture.head(repository)).isEqualTo(before);
        assertThat(run.getAction(DeploymentAction.class)).isNull();
    }

    @Test
    void anInputApprovalBySomeoneOutsideTheApproverGroupIsRefusedBeforeAnythingIsWritten(JenkinsRule r)
            throws Exception {
        GitOpsFixture.configure(r, repository, api);
        JenkinsRule.DummySecurityRealm realm = r.createDummySecurityRealm();
        realm.addGroups("dave", "developers");
        r.jenkins.setSecurityRealm(realm);
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD).everywhere().to("dave"));
        String before = GitOpsFixture.head(repository);
        WorkflowJob job = GitOpsFixture.pipeline(r, "dave", """
                def who = input(message: 'Promote to production?', submitterParameter: 'approver')
                gitopsPromote(from: 'staging', to: 'production', approvedBy: who, sync: false)
                """);
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage("Promote to production?", run);

        approve(run, "dave");
        r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(run));

        r.assertLogContains("'dave' may not approve promotions into 'production': approvers are release-managers"
                + " (user ids or groups), and dave is in the groups developers", run);
        assertThat(GitOpsFixture.head(repository)).isEqualTo(before);
    }

    @Test
    void releaseManagerApprovesWithInputAndThePromotionRecordsThem(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);
        JenkinsRule.DummySecurityRealm realm = r.createDummySecurityRealm();
        realm.addGroups("carol", "release-managers");
        r.jenkins.setSecurityRealm(realm);
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD).everywhere().to("carol"));
        WorkflowJob job = GitOpsFixture.pipeline(r, "release", """
                gitopsSync environment: 'staging'
                def who = input(message: 'Promote to production?', submitter: 'release-managers', submitterParameter: 'approver')
                def result = gitopsPromote(from: 'staging', to: 'production', approvedBy: who, sync: false)
                echo "promoted ${result.images} in ${result.commitId}"
                """);
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage("Promote to production?", run);

        approve(run, "carol");
        r.assertBuildStatusSuccess(r.waitForCompletion(run));

        r.assertLogContains("Promotion of staging to production approved by carol", run);
        // the step's images are the references now in the environment (FacadeLifecycle)
        r.assertLogContains("promoted [medianest/app:1.5.0]", run);
        assertThat(GitOpsFixture.fileAtHead(repository, "environments/production/deployment.yaml"))
                .contains("image: medianest/app:1.5.0");
        List<DeploymentEntry> entries = run.getAction(DeploymentAction.class).getEntries();
        assertThat(entries).extracting(DeploymentEntry::getOperation).containsExactly("sync", "promote");
        DeploymentEntry promotion = entries.get(1);
        assertThat(promotion.getEnvironment()).isEqualTo("production");
        assertThat(promotion.getApprovedBy()).isEqualTo("carol");
        assertThat(promotion.getRelease()).containsExactly("medianest/app:1.5.0");
        assertThat(api.client().apps().deployments().inNamespace("docs-prod").withName("docs-web").get())
                .as("sync: false pushes the promotion without deploying it").isNull();
    }

    /** Answers the run's pending input step as the user, as the Proceed button does. */
    private static void approve(WorkflowRun run, String user) throws Exception {
        InputStepExecution input = run.getAction(InputAction.class).getExecutions().get(0);
        try (ACLContext ignored = ACL.as2(User.getById(user, true).impersonate2())) {
            input.doProceedEmpty();
        }
    }
}
