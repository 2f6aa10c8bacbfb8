package io.jenkins.plugins.gitops.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The plugin of this repository, as it is: no problem, and the checks actually looked at it. */
class GitOpsPluginConformanceTest {
    static final Path REPOSITORY = Path.of(System.getProperty("gitops.repository", "..")).toAbsolutePath().normalize();

    @Test
    void thePluginConformsToWhatJenkinsDoesAtRuntime() {
        assertThat(REPOSITORY.resolve("gitops-plugin/src/main/java/io/jenkins/plugins/gitops/DeploymentAction.java"))
                .as("the plugin sources are where the check reads them").exists();

        assertThat(new PluginConformance(REPOSITORY).problems()).isEmpty();
    }

    @Test
    void theDocumentedPipelinesAreAmongWhatIsChecked() throws Exception {
        assertThat(Files.list(REPOSITORY.resolve("docs/examples")).filter(f -> f.toString().endsWith(".Jenkinsfile")))
                .isNotEmpty();
        assertThat(StepUsageCheck.groovyBlocks(Files.readString(REPOSITORY.resolve("docs/steps.md"))).values())
                .anySatisfy(block -> assertThat(block).contains("gitopsSync"));
    }
}
