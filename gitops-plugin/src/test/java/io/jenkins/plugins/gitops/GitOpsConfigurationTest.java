package io.jenkins.plugins.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Descriptor;
import java.util.List;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.Stapler;

@WithJenkins
@Timeout(300)
class GitOpsConfigurationTest {

    @Test
    void repositoriesTargetsAndDriftSettingsSurviveTheSystemPage(JenkinsRule r) throws Exception {
        GitOpsRepository repository = new GitOpsRepository("https://git.example/ops/medianest-gitops.git");
        repository.setCredentialsId("gitops-git");
        repository.setKnownHosts("git.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGl0");
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
        config.setUnconfiguredRepositoriesAllowed(true);

        r.configRoundtrip();

        GitOpsConfiguration after = GitOpsConfiguration.get();
        r.assertEqualDataBoundBeans(List.of(repository), after.getRepositories());
        assertThat(after.getDriftInterval()).isEqualTo("10m");
        assertThat(after.isSelfHealAllowed()).isTrue();
        assertThat(after.isUnconfiguredRepositoriesAllowed()).isTrue();
        assertThat(after.isControllerCredentialsAllowed()).isFalse();
        assertThat(after.repository(null).target("production").orElseThrow().getDockerHost())
                .isEqualTo("tcp://swarm-manager:2376");
    }

    @Test
    void theSignatureKeyCredentialIdsSurviveTheSystemPage(JenkinsRule r) throws Exception {
        GitOpsConfiguration config = GitOpsConfiguration.get();
        config.setTrustedKeysCredentialsId("release-pgp-keys");
        config.setAllowedSignersCredentialsId("release-ssh-signers");
        config.setSigningKeyCredentialsId(" ");

        r.configRoundtrip();

        GitOpsConfiguration after = GitOpsConfiguration.get();
        assertThat(after.getTrustedKeysCredentialsId()).isEqualTo("release-pgp-keys");
        assertThat(after.getAllowedSignersCredentialsId()).isEqualTo("release-ssh-signers");
        assertThat(after.getSigningKeyCredentialsId()).as("blank is none").isNull();
    }

    @Test
    void deletingTheLastRepositoryOnTheSystemPageSticks(JenkinsRule r) throws Exception {
        GitOpsConfiguration config = GitOpsConfiguration.get();
        config.setRepositories(List.of(new GitOpsRepository("https://git.example/ops.git")));

        // the form of a page whose last repository was deleted has no "repositories" key at all
        Throwable failure = submit(r, new JSONObject().element("driftInterval", "5m").element("selfHealAllowed", false));

        assertThat(failure).isNull();
        assertThat(config.getRepositories()).isEmpty();
    }

    @Test
    void aBadDriftIntervalOnTheSystemPageIsAnErrorOnItsFieldAndChangesNothing(JenkinsRule r) throws Exception {
        GitOpsConfiguration config = GitOpsConfiguration.get();
        config.setRepositories(List.of(new GitOpsRepository("https://git.example/ops.git")));

        Throwable failure = submit(r, new JSONObject().element("driftInterval", "often"));

        assertThat(failure).isInstanceOfSatisfying(Descriptor.FormException.class, e -> {
            assertThat(e.getFormField()).isEqualTo("driftInterval");
            assertThat(e.getMessage()).contains("'often' is not a duration");
        });
        assertThat(config.getRepositories()).hasSize(1);
        assertThat(config.getDriftInterval()).isEqualTo("5m");
    }

    @Test
    void aRepositoryWithoutUrlOnTheSystemPageIsAFormErrorAndChangesNothing(JenkinsRule r) throws Exception {
        GitOpsConfiguration config = GitOpsConfiguration.get();
        config.setRepositories(List.of(new GitOpsRepository("https://git.example/ops.git")));

        Throwable failure = submit(r, new JSONObject().element("driftInterval", "5m")
                .element("repositories", new JSONObject().element("url", "  ")));

        assertThat(failure).isInstanceOfSatisfying(Descriptor.FormException.class,
                e -> assertThat(e.getMessage()).contains("Every GitOps repository needs its URL"));
        assertThat(config.getRepositories()).extracting(GitOpsRepository::getUrl).containsExactly("https://git.example/ops.git");
    }

    @Test
    void aJobCreatedUnderTheNameOfADeletedOrRenamedOneStartsWithoutItsDeployments(JenkinsRule r) throws Exception {
        var deleted = r.createProject(org.jenkinsci.plugins.workflow.job.WorkflowJob.class, "deploy");
        JobDeployments.of(deleted).deployed("https://git.example/ops.git", "production");
        deleted.delete();
        var renamed = r.createProject(org.jenkinsci.plugins.workflow.job.WorkflowJob.class, "deploy");
        assertThat(JobDeployments.exists(renamed)).isFalse();
        assertThat(JobDeployments.of(renamed).hasDeployed("https://git.example/ops.git", "production")).isFalse();

        JobDeployments.of(renamed).deployed("https://git.example/ops.git", "staging");
        renamed.renameTo("deploy-old");
        var reused = r.createProject(org.jenkinsci.plugins.workflow.job.WorkflowJob.class, "deploy");

        assertThat(JobDeployments.of(reused).hasDeployed("https://git.example/ops.git", "staging")).isFalse();
        assertThat(JobDeployments.of(renamed).hasDeployed("https://git.example/ops.git", "staging")).isTrue();
    }

    @Test
    void stepsUseOnlyConfiguredRepositoriesUnlessAllowedAndNeverAPathOnTheController(JenkinsRule r) {
        GitOpsConfiguration config = GitOpsConfiguration.get();
        assertThatThrownBy(() -> config.repository(null)).hasMessageContaining("No GitOps repository is configured");
        config.setRepositories(List.of(new GitOpsRepository("/srv/gitops")));

        assertThat(config.repository(null).getUrl()).isEqualTo("/srv/gitops");
        assertThat(config.repository("/srv/gitops").getUrl()).isEqualTo("/srv/gitops");
        assertThatThrownBy(() -> config.repository("https://git.example/other.git"))
                .hasMessageContaining("is not configured under Manage Jenkins > System > GitOps");
        config.setUnconfiguredRepositoriesAllowed(true);
        assertThat(config.repository("https://git.example/other.git").getCredentialsId()).isNull();
        assertThatThrownBy(() -> config.repository("/var/lib/jenkins"))
                .hasMessageContaining("is a path on the Jenkins controller");
    }

    @Test
    void driftIntervalMustBeADuration(JenkinsRule r) {
        assertThatThrownBy(() -> GitOpsConfiguration.get().setDriftInterval("often"))
                .hasMessageContaining("'often' is not a duration");
    }

    /** Submits the GitOps section of the system page as Jenkins.doConfigSubmit hands it over; returns the failure. */
    private static Throwable submit(JenkinsRule r, JSONObject form) throws Exception {
        return r.executeOnServer(() -> {
            try {
                GitOpsConfiguration.get().configure(Stapler.getCurrentRequest2(), form);
                return null;
            } catch (Descriptor.FormException e) {
                return e;
            }
        });
    }
}
