package io.jenkins.plugins.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
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

@WithJenkins
@Timeout(300)
class GitOpsDiffStepTest {
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
    void diffShowsWhatASyncWouldChangeAndWritesNothing(JenkinsRule r) throws Exception {
        Path repository = GitOpsFixture.gitRepository(dir);
        GitOpsFixture.configure(r, repository, api);
        r.buildAndAssertSuccess(GitOpsFixture.pipeline(r, "sync", "gitopsSync environment: 'development'"));
        GitOpsFixture.commit(repository, "environments/development/configmap.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: docs-config
                data:
                  greeting: hello again
                """, "Change the greeting");
        WorkflowJob job = GitOpsFixture.pipeline(r, "diff", """
                def d = gitopsDiff environment: 'development'
                echo "inSync=${d.inSync} updated=${d.updated}"
                """);

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("inSync=false updated=1", run);
        r.assertLogContains("--- ConfigMap/docs-dev/docs-config (update)", run);
        r.assertLogContains("hello again", run);
        assertThat(api.client().configMaps().inNamespace("docs-dev").withName("docs-config").get().getData())
                .containsEntry("greeting", "hello from development");
        assertThat(run.getAction(DeploymentAction.class)).isNull();
    }
}
