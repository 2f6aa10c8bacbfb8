package io.jenkins.plugins.gitops.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Targets opened from connection settings: one-off clients, or one shared client (and discovery) per cluster. */
@Timeout(60)
class TargetsTest {
    @TempDir
    Path temp;

    @Test
    void sharedFactoryReusesOneClientAndItsDiscoveryAcrossOperations() throws Exception {
        try (InProcessKubernetes api = InProcessKubernetes.start()) {
            Path kubeconfig = Files.writeString(temp.resolve("kubeconfig"), """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: c, cluster: {server: "%s"}}]
                    users: [{name: u, user: {token: t}}]
                    contexts: [{name: x, context: {cluster: c, user: u}}]
                    current-context: x
                    """.formatted(api.url()));
            TargetSettings settings = TargetSettings.DEFAULTS.withKubeconfigFile(kubeconfig.toString(), null);
            DesiredState state = new DesiredState("a", "r", List.of(Resource.ofManifest(Map.of("apiVersion", "v1",
                    "kind", "ConfigMap", "metadata", Map.of("name", "settings")), "a.yaml")), List.of());

            api.resetRequestCounts();
            try (TargetFactory shared = Targets.shared(settings)) {
                for (String env : List.of("a", "b", "c")) {
                    try (Target target = shared.open(Environment.of(env, "e/" + env, TargetSpec.kubernetes("ns-" + env)))) {
                        target.validate(target.prepare(state));
                    }
                }
            }
            long sharedDiscovery = api.requestCounts().getOrDefault("DISCOVERY", 0L);

            api.resetRequestCounts();
            TargetFactory oneOff = Targets.factory(settings);
            for (String env : List.of("a", "b", "c")) {
                try (Target target = oneOff.open(Environment.of(env, "e/" + env, TargetSpec.kubernetes("ns-" + env)))) {
                    target.validate(target.prepare(state));
                }
            }
            long oneOffDiscovery = api.requestCounts().getOrDefault("DISCOVERY", 0L);

            assertThat(sharedDiscovery).isPositive();
            assertThat(oneOffDiscovery).isEqualTo(3 * sharedDiscovery);
        }
    }
}
