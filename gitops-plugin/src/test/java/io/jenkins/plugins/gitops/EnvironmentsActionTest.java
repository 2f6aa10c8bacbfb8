package io.jenkins.plugins.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.InProcessKubernetes;
import java.net.URL;
import java.nio.file.Path;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
@Timeout(300)
class EnvironmentsActionTest {
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

    @Test
    void jobPageListsEnvironmentsAndTheRollbackIsPostOnlyAndNeedsBuildPermission(JenkinsRule r) throws Exception {
        Path repository = GitOpsFixture.gitRepository(dir);
        GitOpsFixture.configure(r, repository, api);
        WorkflowJob job = GitOpsFixture.pipeline(r, "deploy", "gitopsSync environment: 'development'");
        r.buildAndAssertSuccess(job);
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("viewer")
                .grant(Jenkins.READ, Item.READ, Item.BUILD).everywhere().to("deployer"));

        assertThat(job.getAction(EnvironmentsAction.class)).isNotNull();
        JenkinsRule.WebClient viewer = r.createWebClient().login("viewer");
        HtmlPage page = viewer.getPage(job, "gitops-environments/");
        assertThat(page.asNormalizedText()).contains("development").contains(GitOpsFixture.head(repository).substring(0, 12))
                .doesNotContain("Roll back to previous");

        URL rollback = new URL(r.getURL(), job.getUrl() + "gitops-environments/rollback?environment=development");
        JenkinsRule.WebClient deployer = r.createWebClient().login("deployer").withThrowExceptionOnFailingStatusCode(false);
        assertThat(deployer.getPage(new WebRequest(rollback, HttpMethod.GET)).getWebResponse().getStatusCode()).isEqualTo(405);

        viewer.setThrowExceptionOnFailingStatusCode(false);
        WebRequest post = new WebRequest(rollback, HttpMethod.POST);
        viewer.addCrumb(post);
        assertThat(viewer.getPage(post).getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(api.client().configMaps().inNamespace("docs-dev").withName("docs-config").get()).isNotNull();
    }

    @Test
    void rollingBackToPreviousWithNothingEarlierToGoBackToAnswersWithTheReason(JenkinsRule r) throws Exception {
        Path repository = GitOpsFixture.gitRepository(dir);
        GitOpsFixture.configure(r, repository, api);
        WorkflowJob job = GitOpsFixture.pipeline(r, "deploy", "gitopsSync environment: 'development'");
        r.buildAndAssertSuccess(job);
        String head = GitOpsFixture.commit(repository, "README.md", "deployments\n", "a commit outside the environment");
        r.buildAndAssertSuccess(job);

        URL rollback = new URL(r.getURL(), job.getUrl() + "gitops-environments/rollback?environment=development&to=previous");
        JenkinsRule.WebClient web = r.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        WebRequest post = new WebRequest(rollback, HttpMethod.POST);
        web.addCrumb(post);
        var response = web.getPage(post).getWebResponse();

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("nothing to roll back to, nothing was changed");
        assertThat(GitOpsFixture.head(repository)).isEqualTo(head);
    }

    @Test
    void buildPageShowsTheDeployment(JenkinsRule r) throws Exception {
        Path repository = GitOpsFixture.gitRepository(dir);
        GitOpsFixture.configure(r, repository, api);
        WorkflowJob job = GitOpsFixture.pipeline(r, "deploy", "gitopsSync environment: 'development'");
        var run = r.buildAndAssertSuccess(job);

        HtmlPage page = r.createWebClient().getPage(run, "gitops/");

        assertThat(page.asNormalizedText()).contains("deploy#1/1").contains("3 created, 0 updated, 0 deleted, 0 unchanged")
                .contains("ConfigMap/docs-dev/docs-config").doesNotContain(GitOpsFixture.TOKEN);
    }
}
