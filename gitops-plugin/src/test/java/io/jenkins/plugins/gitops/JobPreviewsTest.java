package io.jenkins.plugins.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.api.PreviewInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The Environments page's previews: from the drift worker's listing, this job's preview marked, no target call. */
@WithJenkins
@Timeout(300)
class JobPreviewsTest {
    private static final String REPOSITORY = "https://git.example/ops/shop-gitops.git";

    @Test
    void theJobPageListsThePreviewsOfItsTemplatesWithAgeRevisionHealthAndUrl(JenkinsRule r) throws Exception {
        WorkflowJob job = GitOpsFixture.pipeline(r, "PR-42", "echo 'a change request'");
        WorkflowRun run = r.buildAndAssertSuccess(job);
        PreviewAction.record(run, REPOSITORY, "development", "42", "https://pr-42.preview.example.com/", false);
        JobDeployments.of(job).deployed(REPOSITORY, "development-pr-42");
        Instant now = Instant.now();
        PreviewListing.listed(REPOSITORY, "development", List.of(
                new PreviewInfo("development", "43", "development-pr-43", "javascript:alert(1)", now.minus(Duration.ofDays(1)),
                        now.minus(Duration.ofHours(2)), "0123456789abcdef0123456789abcdef01234567", "Degraded", "failed"),
                new PreviewInfo("development", "42", "development-pr-42", "https://pr-42.preview.example.com/",
                        now.minus(Duration.ofDays(3)), now.minus(Duration.ofHours(5)),
                        "fedcba9876543210fedcba9876543210fedcba98", "Healthy", "succeeded")), now);

        JobPreviews previews = JobPreviews.of(job);
        assertThat(previews.getRows()).extracting(JobPreviews.Row::getName)
                .containsExactly("development-pr-42", "development-pr-43");
        JobPreviews.Row own = previews.getRows().get(0);
        assertThat(own.isOwnedByJob()).isTrue();
        assertThat(own.getRevision()).isEqualTo("fedcba987654");
        assertThat(own.getAge()).startsWith("3 days");
        assertThat(previews.getRows().get(1).isOwnedByJob()).isFalse();
        assertThat(previews.getRows().get(1).getUrl()).as("only http(s) links").isNull();

        HtmlPage page = r.createWebClient().getPage(job, "gitops-environments/");
        assertThat(page.asNormalizedText()).contains("Previews").contains("development-pr-42 (this job)")
                .contains("Degraded (last: failed)");
        assertThat(page.getAnchorByHref("https://pr-42.preview.example.com/")).isNotNull();

        PreviewListing.deleted(REPOSITORY, "development", "43");
        assertThat(JobPreviews.of(job).getRows()).extracting(JobPreviews.Row::getId).containsExactly("42");
    }

    @Test
    void templatesNotListedYetAreSaidSo(JenkinsRule r) throws Exception {
        WorkflowJob job = GitOpsFixture.pipeline(r, "PR-7", "echo 'a change request'");
        WorkflowRun run = r.buildAndAssertSuccess(job);
        PreviewAction.record(run, "https://git.example/other.git", "staging", "7", null, false);

        JobPreviews previews = JobPreviews.of(job);

        assertThat(previews.getRows()).isEmpty();
        assertThat(previews.getNotListed()).containsExactly("staging");
    }
}
