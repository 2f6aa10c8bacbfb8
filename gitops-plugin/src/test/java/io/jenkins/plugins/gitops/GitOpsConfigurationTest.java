package io.jenkins.plugins.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
@Timeout(300)
class GitOpsConfigurationTest {

    @Test
    void repositoriesTargetsAndDriftSettingsSurviveTheSystemPage(JenkinsRule r) throws Exception {
        GitOpsRepository repository = new GitOpsRepository("https://git.example/ops/medianest-gitops.git");
        repository.setCredentialsId("gitops-git");
        EnvironmentTarget production = new EnvironmentTarget("production");
        production.setCredentialsId("swarm-prod-tls");
        production.setDockerHost("tcp://swarm-manager:2376");
        EnvironmentTarget development = new EnvironmentTarget("development");
        development.setCredentialsId("kubeconfig-dev");
        development.setContext("dev");
        repository.setTargets(List.of(development, production));
        GitOpsConfiguration config = GitOpsConfiguration.get();
        config.setRepositories(List.of(repository));
        config.setDriftInterval("10m");
        config.setSelfHealAllowed(true);

        r.configRoundtrip();

        GitOpsConfiguration after = GitOpsConfiguration.get();
        r.assertEqualDataBoundBeans(List.of(repository), after.getRepositories());
        assertThat(after.getDriftInterval()).isEqualTo("10m");
        assertThat(after.isSelfHealAllowed()).isTrue();
        assertThat(after.repository(null).target("production").orElseThrow().getDockerHost())
                .isEqualTo("tcp://swarm-manager:2376");
    }

    @Test
    void aStepWithoutRepositoryNeedsOneConfigured(JenkinsRule r) {
        assertThatThrownBy(() -> GitOpsConfiguration.get().repository(null))
                .hasMessageContaining("No GitOps repository is configured");
        assertThat(GitOpsConfiguration.get().repository("/srv/gitops").getCredentialsId()).isNull();
    }

    @Test
    void driftIntervalMustBeADuration(JenkinsRule r) {
        assertThatThrownBy(() -> GitOpsConfiguration.get().setDriftInterval("often"))
                .hasMessageContaining("'often' is not a duration");
    }
}
