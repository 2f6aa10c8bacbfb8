package io.jenkins.plugins.gitops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentTextTest {

    @Test
    void summaryListsChangedObjectsAndWarningsButNotUnchangedOnes() {
        List<String> lines = DeploymentText.summary(Results.stagingSync());

        assertThat(lines.get(0)).startsWith("staging @ 0123456789ab: 0 created, 2 updated, 1 deleted, 1 unchanged")
                .endsWith("on Kubernetes https://127.0.0.1:6443 namespace docs-staging");
        assertThat(lines).contains("  update Deployment/docs-staging/web [Healthy]", "  delete ConfigMap/docs-staging/old",
                "  warning: policy no-latest-tag: warn only");
        assertThat(String.join("\n", lines)).doesNotContain("Service/docs-staging/web");
    }

    @Test
    void diffAppendsTheRedactedDiffOfEachChangedObject() {
        List<String> lines = DeploymentText.diff(Results.stagingSync());

        assertThat(lines).contains("--- Deployment/docs-staging/web (update)", "+      - image: medianest/app:1.5.0",
                "+  database-url: <redacted:sha256:9a8b>");
    }

    @Test
    void lifecycleSummaryNamesCommitAndRelease() {
        String line = DeploymentText.summary(new LifecycleResult("production", Results.REVISION, Results.REVISION,
                List.of("medianest/app:1.5.0"), "promoted staging to production", null));

        assertThat(line).isEqualTo(
                "promoted staging to production (commit 0123456789ab); release medianest/app:1.5.0");
    }
}
