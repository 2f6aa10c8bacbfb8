package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class KubernetesTargetConnectTest {

    @Test
    void connectsWithTheContextOfTheEnvironmentFromAKubeconfig(@TempDir Path dir) throws Exception {
        try (InProcessKubernetes api = InProcessKubernetes.start()) {
            String template = new String(KubernetesTargetConnectTest.class
                    .getResourceAsStream("/kubernetes/kubeconfig.yaml").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Path kubeconfig = Files.writeString(dir.resolve("config"), template.replace("${SERVER}", api.url()));
            Environment env = Environment.of("dev", "environments/dev",
                    new TargetSpec(TargetSpec.Type.KUBERNETES, "docs-dev", "in-process", true, null));

            try (KubernetesTarget target = KubernetesTarget.connect(env, kubeconfig.toString(), null)) {
                assertThat(target.describe()).isEqualTo("Kubernetes " + api.url() + " namespace docs-dev");
                target.validate(target.prepare(Fixtures.state("app/settings.yaml")));
                assertThat(api.requestCounts()).containsKey("DISCOVERY");
            }
        }
    }

    @Test
    void aMissingKubeconfigIsInvalidInput() {
        assertThatThrownBy(() -> KubernetesTarget.connect(Fixtures.environment(), "/nonexistent/kubeconfig", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("kubeconfig /nonexistent/kubeconfig does not exist or is not a file; pass the path of a"
                        + " readable kubeconfig");
    }
}
