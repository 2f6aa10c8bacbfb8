package io.jenkins.plugins.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.engine.pipeline.LeaseHolders;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
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
        api.startControllerStandIn();
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
        WorkflowJob other = GitOpsFixture.pipeline(r, "other", "echo 'deploys nothing'");
        r.buildAndAssertSuccess(job);
        r.buildAndAssertSuccess(other);
        secure(r);

        assertThat(job.getAction(EnvironmentsAction.class)).isNotNull();
        assertThat(other.getAction(EnvironmentsAction.class)).as("jobs that never deployed have no page").isNull();
        JenkinsRule.WebClient viewer = r.createWebClient().login("viewer");
        HtmlPage page = viewer.getPage(job, "gitops-environments/");
        assertThat(page.asNormalizedText()).contains("development").contains(GitOpsFixture.head(repository).substring(0, 12))
                .doesNotContain("Roll back to previous");

        URL rollback = rollbackUrl(r, job, repository, "development");
        JenkinsRule.WebClient deployer = r.createWebClient().login("deployer").withThrowExceptionOnFailingStatusCode(false);
        assertThat(deployer.getPage(new WebRequest(rollback, HttpMethod.GET)).getWebResponse().getStatusCode()).isEqualTo(405);

        viewer.setThrowExceptionOnFailingStatusCode(false);
        assertThat(post(viewer, rollback).getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(JobDeployments.of(job).getRollbacks()).isEmpty();
    }

    @Test
    void onlyEnvironmentsTheJobDeployedAreRolledBack(JenkinsRule r) throws Exception {
        Path repository = GitOpsFixture.gitRepository(dir);
        GitOpsFixture.configure(r, repository, api);
        WorkflowJob job = GitOpsFixture.pipeline(r, "deploy", "gitopsSync environment: 'development'");
        r.buildAndAssertSuccess(job);
        secure(r);
        JenkinsRule.WebClient deployer = r.createWebClient().login("deployer").withThrowExceptionOnFailingStatusCode(false);

        Page staging = post(deployer, rollbackUrl(r, job, repository, "staging"));
        Page elsewhere = post(deployer, rollbackUrl(r, job, Path.of("/var/lib/jenkins"), "development"));

        assertThat(staging.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(staging.getWebResponse().getContentAsString()).contains("This job never deployed environment 'staging'");
        assertThat(elsewhere.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(JobDeployments.of(job).getRollbacks()).isEmpty();
    }

    @Test
    void aRollbackRunsInTheBackgroundWithARecordAndALogOnThePage(JenkinsRule r) throws Exception {
        Path repository = GitOpsFixture.gitRepository(dir);
        GitOpsFixture.configure(r, repository, api);
        WorkflowJob job = GitOpsFixture.pipeline(r, "deploy", "gitopsSync environment: 'development'");
        r.buildAndAssertSuccess(job);
        GitOpsFixture.commit(repository, "environments/development/configmap.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: docs-config
                data:
                  greeting: a bad change
                """, "A change to roll back");
        r.buildAndAssertSuccess(job);
        secure(r);
        JenkinsRule.WebClient deployer = r.createWebClient().login("deployer");

        post(deployer, rollbackUrl(r, job, repository, "development"));
        JobRollback rollback = finished(job);

        assertThat(rollback.getState()).isEqualTo(JobRollback.State.SUCCEEDED);
        assertThat(rollback.getUser()).isEqualTo("deployer");
        assertThat(rollback.getEntry().getOperation()).isEqualTo("rollback");
        assertThat(api.client().configMaps().inNamespace("docs-dev").withName("docs-config").get().getData())
                .containsEntry("greeting", "hello from development");
        assertThat(deployer.getPage(job, "gitops-environments/").asNormalizedText()).contains("Rollbacks from this page")
                .contains("SUCCEEDED");
        String log = deployer.goTo(job.getUrl() + "gitops-environments/rollbackLog?id=" + rollback.getId(), "text/plain")
                .getWebResponse().getContentAsString();
        assertThat(log).contains("deployer rolls development of " + repository).doesNotContain(GitOpsFixture.TOKEN);
    }

    @Test
    void anApprovalEnvironmentIsRolledBackOnlyByOneOfItsApprovers(JenkinsRule r) throws Exception {
        Path repository = GitOpsFixture.gitRepository(dir);
        GitOpsFixture.configure(r, repository, api);
        WorkflowJob job = GitOpsFixture.pipeline(r, "deploy", "gitopsSync environment: 'production', wait: false");
        r.buildAndAssertSuccess(job);
        String before = GitOpsFixture.head(repository);
        secure(r);

        post(r.createWebClient().login("deployer"), rollbackUrl(r, job, repository, "production"));
        JobRollback rollback = finished(job);

        assertThat(rollback.getState()).isEqualTo(JobRollback.State.REFUSED);
        assertThat(rollback.getMessage()).contains("'deployer' is not one of its approvers (release-managers)");
        assertThat(GitOpsFixture.head(repository)).as("nothing was written").isEqualTo(before);
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

    @Test
    void jobPageShowsTheDeliveryFiguresTheDriftWorkerComputedAndMetricsNeedOverallRead(JenkinsRule r) throws Exception {
        Path repository = GitOpsFixture.gitRepository(dir);
        GitOpsFixture.configure(r, repository, api);
        WorkflowJob job = GitOpsFixture.pipeline(r, "deploy", "gitopsSync environment: 'development'");
        r.buildAndAssertSuccess(job);
        secure(r);
        JenkinsRule.WebClient viewer = r.createWebClient().login("viewer");
        viewer.getOptions().setJavaScriptEnabled(false);
        assertThat(viewer.getPage(job, "gitops-environments/").asNormalizedText())
                .contains("Not computed yet: the drift check computes them");

        // what the drift worker does after checking the environment
        String url = repository.toString();
        EngineSession.use("drift check", url, null, null, List.of("development"),
                CredentialsLookup.global(LeaseHolders.driftWorker(Controller.id())), TaskListener.NULL, session -> {
                    DeliveryDashboard.refresh(session, url, "development", Instant.now());
                    return null;
                });

        HtmlPage page = viewer.getPage(job, "gitops-environments/");
        assertThat(page.asNormalizedText()).contains("Delivery performance")
                .contains("deployment frequency").contains("(1 deployments, 1 successful)").contains("medium")
                .contains("lead time for changes").contains("change failure rate").contains("0% (0 of 1 changes)")
                .contains("n/a (nothing restored)");
        String trend = page.querySelector(".gitops-delivery__trend").getAttributes().getNamedItem("data-trend").getNodeValue();
        assertThat(trend).startsWith("{\"environment\":\"development\",\"weeks\":[");
        assertThat(page.getWebResponse().getContentAsString()).doesNotContain("<script>").contains("delivery-trend.js");

        assertThat(viewer.withThrowExceptionOnFailingStatusCode(false).goTo("gitops/metrics", null).getWebResponse()
                .getStatusCode()).as("Overall/Read does not show every job's figures").isEqualTo(403);
        JenkinsRule.WebClient admin = r.createWebClient().login("admin");
        String metrics = admin.goTo("gitops/metrics", "text/plain").getWebResponse().getContentAsString();
        assertThat(metrics).contains("gitops_deployments_total{component=")
                .contains("gitops_deployment_duration_seconds_bucket{")
                .contains("gitops_delivery_deployment_frequency_per_day{environment=\"development\"}")
                .doesNotContain(GitOpsFixture.TOKEN);
        JenkinsRule.WebClient anonymous = r.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        assertThat(anonymous.goTo("gitops/metrics", null).getWebResponse().getStatusCode()).isEqualTo(403);
    }

    /** viewer may read, deployer may also build; neither is in release-managers. */
    private static void secure(JenkinsRule r) {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("viewer")
                .grant(Jenkins.READ, Item.READ, Item.BUILD).everywhere().to("deployer")
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
    }

    private static URL rollbackUrl(JenkinsRule r, WorkflowJob job, Path repository, String environment) throws Exception {
        return new URL(r.getURL(), job.getUrl() + "gitops-environments/rollback?environment=" + environment
                + "&repository=" + URLEncoder.encode(repository.toString(), StandardCharsets.UTF_8));
    }

    private static Page post(JenkinsRule.WebClient client, URL url) throws Exception {
        WebRequest post = new WebRequest(url, HttpMethod.POST);
        client.addCrumb(post);
        return client.getPage(post);
    }

    /** The job's latest page rollback once it is no longer running. */
    private static JobRollback finished(WorkflowJob job) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            JobRollback latest = JobDeployments.of(job).getRollbacks().get(0);
            if (latest.getState() != JobRollback.State.RUNNING) {
                return latest;
            }
            assertThat(Instant.now()).as("the rollback finished").isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
