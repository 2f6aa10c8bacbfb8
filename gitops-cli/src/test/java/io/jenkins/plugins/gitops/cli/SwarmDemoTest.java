package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.cluster.TargetSettings;
import io.jenkins.plugins.gitops.engine.cluster.Targets;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Swarm demo against a real swarm manager (see .ci/swarm-up.sh). */
@Timeout(300)
class SwarmDemoTest {
    private static final String HOST = System.getenv("GITOPS_TEST_DOCKER_HOST");

    @TempDir
    Path temp;

    @Test
    void syncsResyncsWithoutUpdatesChangesOneImagePrunesAndRemovesTheStack() {
        assumeTrue(HOST != null, "GITOPS_TEST_DOCKER_HOST is not set: no Docker swarm manager to run the demo against;"
                + " run `eval \"$(.ci/swarm-up.sh)\"` first (CI always does)");
        StringWriter text = new StringWriter();
        SwarmDemo.run(new PrintWriter(text), temp, HOST);
        String output = text.toString();

        assertThat(output).contains("development @ ").contains(": 4 created, 0 updated, 0 deleted, 0 unchanged; health Healthy")
                .contains(": 0 created, 0 updated, 0 deleted, 4 unchanged; health Healthy")
                .contains(": 0 created, 1 updated, 0 deleted, 3 unchanged; health Healthy")
                .contains(": 0 created, 0 updated, 1 deleted, 3 unchanged; health Healthy")
                .containsPattern("(?m)^-\\s+Image: gitops-test/busybox:1$")
                .containsPattern("(?m)^\\+\\s+Image: gitops-test/busybox:2$");
        String resync = output.substring(output.indexOf("--- 2."), output.indexOf("--- 3."));
        assertThat(resync).contains("medianest-dev_medianest-app").doesNotContain("UPDATED");
        String release = output.substring(output.indexOf("--- 5."), output.indexOf("--- 6."));
        assertThat(release.lines().filter(l -> l.endsWith("UPDATED")).toList()).singleElement()
                .satisfies(l -> assertThat(l).contains("medianest-dev_medianest-app"));
        assertThat(output).contains("update        Service/medianest-dev_medianest-app")
                .contains("delete        Service/medianest-dev_debug-tools");
        String preview = output.substring(output.indexOf("--- 7."));
        assertThat(preview).contains("medianest-dev-pr-42 @ ").contains(": 3 created, 0 updated, 0 deleted, 0 unchanged")
                .containsPattern("answers at http://pr-42\\.swarm\\.example\\.com:3\\d{4}/")
                .contains("deleted 3 object(s) of medianest-dev-pr-42; development still runs 2 service(s)");

        Environment development = Environment.of(SwarmDemo.ENVIRONMENT, "environments/development",
                TargetSpec.swarm("medianest-dev"));
        try (Target target = Targets.factory(TargetSettings.DEFAULTS.withDockerHost(HOST, null)).open(development)) {
            assertThat(target.live(new DesiredState(SwarmDemo.ENVIRONMENT, "", List.of(), List.of())))
                    .as("the demo removes its stack").isEmpty();
        }
    }
}
