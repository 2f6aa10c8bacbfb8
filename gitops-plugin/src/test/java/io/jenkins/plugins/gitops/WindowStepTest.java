package io.jenkins.plugins.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.gitops.engine.pipeline.DeploymentEntry;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Deployment windows in a Pipeline (docs/windows.md): refused without overrideWindow, recorded with it. */
@WithJenkins
@Timeout(300)
class WindowStepTest {
    private InProcessKubernetes api;

    @TempDir
    Path dir;
    private Path repository;

    @BeforeEach
    void start() throws Exception {
        api = InProcessKubernetes.start();
        repository = GitOpsFixture.gitRepository(dir);
        String frozen = new String(WindowStepTest.class.getResourceAsStream("gitops-windows.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        GitOpsFixture.commit(repository, "gitops.yaml", frozen, "freeze development");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aSyncInsideADenyWindowFailsUntilTheStepGivesAReasonWhichTheBuildPageShows(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);

        WorkflowRun refused = r.buildAndAssertStatus(Result.FAILURE, GitOpsFixture.pipeline(r, "refused",
                "gitopsSync environment: 'development'"));
        r.assertLogContains("sync of 'development' refused: deployment window closed: inside deny window"
                + " environments.development.windows[0]", refused);
        assertThat(api.client().apps().deployments().inNamespace("docs-dev").list().getItems()).isEmpty();

        WorkflowJob job = GitOpsFixture.pipeline(r, "overridden", """
                gitopsSync environment: 'development', overrideWindow: 'incident 7'
                def s = gitopsStatus environment: 'development'
                echo "window: open=${s.window.open} manualOpen=${s.window.manualOpen} active=${s.window.active}"
                """);
        WorkflowRun run = r.buildAndAssertSuccess(job);

        DeploymentEntry entry = run.getAction(DeploymentAction.class).getEntries().get(0);
        assertThat(entry.getWarnings()).anySatisfy(w -> assertThat(w).startsWith("deployment window overridden:"
                + " incident 7 (closed: inside deny window environments.development.windows[0]"));
        r.assertLogContains("window: open=false manualOpen=false active=[environments.development.windows[0]]", run);
    }
}
