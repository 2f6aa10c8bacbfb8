package io.jenkins.plugins.gitops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.cluster.TargetSettings;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.pipeline.ControllerAccess.Location;
import io.jenkins.plugins.gitops.engine.source.GitCredentials;
import org.junit.jupiter.api.Test;

class ControllerAccessTest {
    private static final ControllerAccess DEFAULTS = ControllerAccess.NONE;
    private static final ControllerAccess ALLOWED = new ControllerAccess(true, true);
    private static final Environment KUBERNETES = Environment.of("development", "environments/development",
            TargetSpec.kubernetes("docs-dev"));
    private static final Environment SWARM = Environment.of("production", "environments/production",
            TargetSpec.swarm("medianest"));
    private static final GitCredentials KEY = GitCredentials.sshKey("git", "-----BEGIN OPENSSH PRIVATE KEY-----", null);
    private static final String KNOWN_HOSTS = "git.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGl0";

    @Test
    void locationsAreTellingLocalSshAndRemoteApartAsGitDoes() {
        assertThat(ControllerAccess.locate("https://git.example.com/ops/gitops.git")).isEqualTo(Location.REMOTE);
        assertThat(ControllerAccess.locate("git://git.example.com/ops/gitops.git")).isEqualTo(Location.REMOTE);
        assertThat(ControllerAccess.locate("ssh://git@git.example.com:2222/ops/gitops.git")).isEqualTo(Location.SSH);
        assertThat(ControllerAccess.locate("git+ssh://git.example.com/ops/gitops.git")).isEqualTo(Location.SSH);
        assertThat(ControllerAccess.locate("git@git.example.com:ops/gitops.git")).isEqualTo(Location.SSH);
        assertThat(ControllerAccess.locate("/var/lib/jenkins/secrets")).isEqualTo(Location.LOCAL);
        assertThat(ControllerAccess.locate("../gitops")).isEqualTo(Location.LOCAL);
        assertThat(ControllerAccess.locate("file:///var/lib/jenkins")).isEqualTo(Location.LOCAL);
        assertThat(ControllerAccess.locate("FILE:/etc")).isEqualTo(Location.LOCAL);
        assertThat(ControllerAccess.locate("C:\\gitops")).isEqualTo(Location.LOCAL);
    }

    @Test
    void onlyConfiguredRepositoriesByDefaultAndNeverAnUnconfiguredLocalPath() {
        assertThatCode(() -> DEFAULTS.checkRepository("/srv/gitops", true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> DEFAULTS.checkRepository("https://git.example.com/other.git", false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("repository 'https://git.example.com/other.git' is not configured under Manage"
                        + " Jenkins > System > GitOps");
        assertThatCode(() -> ALLOWED.checkRepository("https://git.example.com/other.git", false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ALLOWED.checkRepository("/var/lib/jenkins", false))
                .hasMessageContaining("is a path on the Jenkins controller");
        assertThatThrownBy(() -> ALLOWED.checkRepository("file:///var/lib/jenkins", false))
                .hasMessageContaining("is a path on the Jenkins controller");
    }

    @Test
    void sshNeedsAKeyCredentialAndConfiguredHostKeys() {
        assertThatThrownBy(() -> DEFAULTS.checkGit("git@git.example.com:ops/gitops.git", GitCredentials.NONE, KNOWN_HOSTS))
                .hasMessageContaining("would use the controller's own ~/.ssh keys");
        assertThatThrownBy(() -> DEFAULTS.checkGit("ssh://git.example.com/ops.git", KEY, null))
                .hasMessageContaining("add the known_hosts lines of the Git server (ssh-keyscan HOST)");
        assertThat(DEFAULTS.checkGit("ssh://git.example.com/ops.git", KEY, KNOWN_HOSTS).knownHostsLines())
                .isEqualTo(KNOWN_HOSTS);
        assertThat(DEFAULTS.checkGit("https://git.example.com/ops.git", GitCredentials.NONE, null))
                .isEqualTo(GitCredentials.HostKeys.USER_KNOWN_HOSTS);
        assertThat(ALLOWED.checkGit("ssh://git.example.com/ops.git", KEY, null))
                .isEqualTo(GitCredentials.HostKeys.USER_KNOWN_HOSTS);
        assertThatCode(() -> ALLOWED.checkGit("git@git.example.com:ops.git", GitCredentials.NONE, null))
                .doesNotThrowAnyException();
    }

    @Test
    void targetsWithoutCredentialsWouldUseTheControllersOwnAndAreRefused() {
        assertThatThrownBy(() -> DEFAULTS.checkTarget(KUBERNETES, TargetSettings.DEFAULTS.withKubeconfigFile(null, "dev")))
                .hasMessageStartingWith("environment 'development' (Kubernetes) has no target credentials")
                .hasMessageContaining("the controller's own kubeconfig and service account are not used");
        assertThatThrownBy(() -> DEFAULTS.checkTarget(SWARM, TargetSettings.DEFAULTS))
                .hasMessageStartingWith("environment 'production' (Docker Swarm) has no Docker host");
        assertThatCode(() -> DEFAULTS.checkTarget(KUBERNETES, kubeconfig("apiVersion: v1"))).doesNotThrowAnyException();
        assertThatCode(() -> DEFAULTS.checkTarget(SWARM, TargetSettings.DEFAULTS.withDockerHost("tcp://manager:2376", null)))
                .doesNotThrowAnyException();
        assertThatCode(() -> ALLOWED.checkTarget(KUBERNETES, TargetSettings.DEFAULTS)).doesNotThrowAnyException();
        assertThatCode(() -> ALLOWED.checkTarget(SWARM, TargetSettings.DEFAULTS)).doesNotThrowAnyException();
    }

    @Test
    void aKubeconfigMayNotRunCommandsOrReadFilesOfTheController() {
        assertThatCode(() -> DEFAULTS.checkKubeconfig("kube-prod", Results.fixture("kubeconfig-self-contained.yaml")))
                .doesNotThrowAnyException();
        String reaching = Results.fixture("kubeconfig-exec-and-files.yaml");
        assertThatThrownBy(() -> DEFAULTS.checkKubeconfig("kube-eks", reaching))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Credentials 'kube-eks': the kubeconfig would run a command or read a file on the"
                        + " Jenkins controller (user 'eks-user': exec, user 'file-user': tokenFile, cluster 'eks':"
                        + " certificate-authority)");
        assertThatCode(() -> ALLOWED.checkKubeconfig("kube-eks", reaching)).doesNotThrowAnyException();
    }

    @Test
    void aMalformedKubeconfigIsNamedWithoutQuotingIt() {
        assertThatThrownBy(() -> DEFAULTS.checkKubeconfig("kube-dev", Results.fixture("kubeconfig-malformed.yaml")))
                .hasMessageStartingWith("Credentials 'kube-dev': the kubeconfig is not valid YAML (line")
                .message().doesNotContain("kubeconfig-token-5f1e");
        assertThatThrownBy(() -> DEFAULTS.checkKubeconfig("kube-dev", "just text"))
                .hasMessageContaining("not a kubeconfig");
    }

    private static TargetSettings kubeconfig(String content) {
        return new TargetSettings(content, null, null, null, null, null, null, null);
    }
}
