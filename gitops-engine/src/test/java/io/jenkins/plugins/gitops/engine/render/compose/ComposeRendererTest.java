package io.jenkins.plugins.gitops.engine.render.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.render.FormatRenderer.Rendering;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
@SuppressWarnings("unchecked")
class ComposeRendererTest {
    private final DirectoryTree tree = new DirectoryTree(fixtures());
    private final ComposeRenderer renderer = new ComposeRenderer();

    static Path fixtures() {
        try {
            return Path.of(ComposeRendererTest.class.getResource("/compose").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Environment env(String name, String stack) {
        return Environment.of(name, "environments/" + name, TargetSpec.swarm(stack));
    }

    private Rendering render(String dir, Map<String, String> variables) {
        return renderer.render(tree, dir, env("development", "medianest"), variables);
    }

    private static Resource find(Rendering r, String kind, String name) {
        return r.resources().stream().filter(x -> x.kind().equals(kind) && x.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(kind + " " + name + " not in " + Resource.keys(r.resources())));
    }

    @Test
    void acceptsFoldersWithAComposeFileOnly() {
        assertThat(renderer.accepts(tree, "development")).isTrue();
        assertThat(renderer.accepts(tree, "errors/unknown-key")).isTrue(); // compose.yaml
        assertThat(renderer.accepts(tree, "errors")).isFalse();
        assertThat(renderer.accepts(tree, "does-not-exist")).isFalse();
    }

    @Test
    void rendersDevelopmentLikeDockerStackDeploy() {
        Rendering r = render("development", Map.of());
        assertThat(Resource.keys(r.resources())).containsExactly(
                new ResourceKey("swarm", "Network", "", "medianest_dev-network"),
                new ResourceKey("swarm", "Service", "", "medianest_medianest-app"));
        Map<String, Object> spec = (Map<String, Object>) find(r, "Service", "medianest_medianest-app").manifest().get("Spec");
        assertThat(Manifests.get(spec, "TaskTemplate", "ContainerSpec", "Image")).isEqualTo("gitops-test/busybox:1");
        assertThat(Manifests.get(spec, "TaskTemplate", "ContainerSpec", "Args")).isEqualTo(List.of("sleep", "3600"));
        assertThat(Manifests.get(spec, "TaskTemplate", "ContainerSpec", "Env")).isEqualTo(
                List.of("ENABLE_HOT_RELOAD=true", "LOG_LEVEL=debug", "NODE_ENV=development"));
        assertThat(Manifests.get(spec, "TaskTemplate", "Resources", "Limits"))
                .isEqualTo(Map.of("NanoCPUs", 1_000_000_000, "MemoryBytes", 536_870_912));
        assertThat(Manifests.get(spec, "TaskTemplate", "Networks"))
                .isEqualTo(List.of(Map.of("Target", "medianest_dev-network", "Aliases", List.of("medianest-app"))));
        assertThat(Manifests.get(spec, "Mode")).isEqualTo(Map.of("Replicated", Map.of("Replicas", 1)));
        assertThat((List<Object>) Manifests.get(spec, "EndpointSpec", "Ports")).hasSize(2).first().isEqualTo(Map.of(
                "Protocol", "tcp", "TargetPort", 3000, "PublishedPort", 3000, "PublishMode", "ingress"));
        assertThat((Map<String, Object>) spec.get("Labels")).containsEntry(Labels.STACK_NAMESPACE, "medianest")
                .containsEntry(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
                .containsEntry(Labels.ENVIRONMENT, "development")
                .containsEntry(StackObjects.STACK_IMAGE, "gitops-test/busybox:1");
        assertThat(find(r, "Service", "medianest_medianest-app").labels()).containsEntry(Labels.STACK_NAMESPACE, "medianest");
        assertThat(find(r, "Network", "medianest_dev-network").manifest().get("Spec")).isEqualTo(Map.of(
                "Name", "medianest_dev-network", "Driver", "overlay",
                "Labels", StackObjects.baseLabels("medianest", "development")));
    }

    @Test
    void stagingReadsDotEnvAndConvertsUnitsToWhatTheDaemonStores() {
        Rendering r = render("staging", Map.of());
        Map<String, Object> spec = (Map<String, Object>) find(r, "Service", "medianest_medianest-app").manifest().get("Spec");
        assertThat(Manifests.get(spec, "TaskTemplate", "ContainerSpec", "Image")).isEqualTo("gitops-test/busybox:1");
        assertThat(Manifests.get(spec, "TaskTemplate", "ContainerSpec", "Args")).isEqualTo(List.of("sleep", "3600"));
        assertThat(Manifests.get(spec, "TaskTemplate", "Resources")).isEqualTo(Map.of(
                "Limits", Map.of("NanoCPUs", 2_000_000_000, "MemoryBytes", 1_073_741_824),
                "Reservations", Map.of("NanoCPUs", 500_000_000, "MemoryBytes", 536_870_912)));
        assertThat(Manifests.get(spec, "UpdateConfig")).isEqualTo(Map.of("Parallelism", 1,
                "Delay", 30_000_000_000L, "FailureAction", "rollback"));
        assertThat(Manifests.get(spec, "TaskTemplate", "ContainerSpec", "Healthcheck")).isEqualTo(Map.of(
                "Test", List.of("CMD", "true"), "Interval", 30_000_000_000L, "Timeout", 10_000_000_000L, "Retries", 3));
        // variables given to the sync win over .env
        Rendering v2 = render("staging", Map.of("APP_VERSION", "2"));
        assertThat(Manifests.get(find(v2, "Service", "medianest_medianest-app").manifest(),
                "Spec", "TaskTemplate", "ContainerSpec", "Image")).isEqualTo("gitops-test/busybox:2");
    }

    @Test
    void productionKeepsExternalObjectsUnprefixedAndRendersEveryDeployOption() {
        Rendering r = render("production", Map.of("APP_VERSION", "1"));
        assertThat(Resource.keys(r.resources())).containsExactly(
                new ResourceKey("swarm", "Service", "", "medianest_medianest-app"));
        Map<String, Object> spec = (Map<String, Object>) r.resources().get(0).manifest().get("Spec");
        assertThat(Manifests.get(spec, "TaskTemplate", "Networks"))
                .isEqualTo(List.of(Map.of("Target", "production-network", "Aliases", List.of("medianest-app"))));
        assertThat((List<Object>) Manifests.get(spec, "TaskTemplate", "ContainerSpec", "Secrets")).containsExactly(
                Map.of("File", Map.of("Name", "database_url", "UID", "0", "GID", "0", "Mode", 292), "SecretName", "database_url"),
                Map.of("File", Map.of("Name", "encryption_key", "UID", "0", "GID", "0", "Mode", 292), "SecretName", "encryption_key"),
                Map.of("File", Map.of("Name", "jwt_secret", "UID", "0", "GID", "0", "Mode", 292), "SecretName", "jwt_secret"));
        assertThat(Manifests.get(spec, "TaskTemplate", "Placement"))
                .isEqualTo(Map.of("Constraints", List.of("node.labels.tier == application")));
        assertThat(Manifests.get(spec, "TaskTemplate", "RestartPolicy")).isEqualTo(Map.of("Condition", "on-failure",
                "Delay", 5_000_000_000L, "MaxAttempts", 3, "Window", 120_000_000_000L));
        assertThat(Manifests.get(spec, "UpdateConfig")).isEqualTo(Map.of("Parallelism", 1, "Delay", 60_000_000_000L,
                "FailureAction", "rollback", "Monitor", 120_000_000_000L, "Order", "start-first"));
        assertThat(Manifests.get(spec, "RollbackConfig")).isEqualTo(Map.of("Parallelism", 1, "Delay", 10_000_000_000L));
        assertThat(Manifests.get(spec, "TaskTemplate", "ContainerSpec", "Healthcheck", "StartPeriod")).isEqualTo(60_000_000_000L);
        assertThat(Manifests.get(spec, "Mode", "Replicated", "Replicas")).isEqualTo(3);
    }

    @Test
    void missingRequiredVariableNamesFileServiceAndVariable() {
        assertThatThrownBy(() -> render("production", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("production/docker-compose.yml")
                .hasMessageContaining("service 'medianest-app'")
                .hasMessageContaining("APP_VERSION")
                .hasMessageContaining("set APP_VERSION to the release to run");
        assertThatThrownBy(() -> render("errors/required-variable", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("service 'api'").hasMessageContaining("API_TAG")
                .hasMessageNotContaining("dotenv-password-value");
    }

    @Test
    void fileObjectsAreContentHashedAndServicesReferToTheHashedName() {
        Rendering r = render("app", Map.of());
        Resource config = r.resources().stream().filter(x -> x.kind().equals("Config")).findFirst().orElseThrow();
        Resource secret = r.resources().stream().filter(x -> x.kind().equals("Secret")).findFirst().orElseThrow();
        assertThat(config.name()).matches("medianest_app_config-[0-9a-f]{8}");
        assertThat(secret.name()).matches("medianest_db_password-[0-9a-f]{8}");
        assertThat(Manifests.string(config.manifest(), "Spec", "Data"))
                .isEqualTo(Base64.getEncoder().encodeToString("listen=8080\n".getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> web = (Map<String, Object>) find(r, "Service", "medianest_web").manifest().get("Spec");
        assertThat((List<Object>) Manifests.get(web, "TaskTemplate", "ContainerSpec", "Configs")).containsExactly(Map.of(
                "File", Map.of("Name", "/etc/app.conf", "UID", "0", "GID", "0", "Mode", 292), "ConfigName", config.name()));
        assertThat((List<Object>) Manifests.get(web, "TaskTemplate", "ContainerSpec", "Secrets")).containsExactly(Map.of(
                "File", Map.of("Name", "db_password", "UID", "0", "GID", "0", "Mode", 292), "SecretName", secret.name()));
        // env_file, then environment; sorted
        assertThat(Manifests.get(web, "TaskTemplate", "ContainerSpec", "Env"))
                .isEqualTo(List.of("ALPHA=first", "FROM_FILE=yes", "ZETA=last"));
        assertThat((List<Object>) Manifests.get(web, "TaskTemplate", "ContainerSpec", "Mounts")).containsExactly(Map.of(
                "Type", "volume", "Source", "medianest_data", "Target", "/data",
                "VolumeOptions", Map.of("Labels", Map.of(Labels.STACK_NAMESPACE, "medianest"))));
        Map<String, Object> worker = (Map<String, Object>) find(r, "Service", "medianest_worker").manifest().get("Spec");
        assertThat(Manifests.get(worker, "TaskTemplate", "ContainerSpec", "Command")).isEqualTo(List.of("/bin/sh", "-c"));
        assertThat(Manifests.get(worker, "TaskTemplate", "Networks")).isEqualTo(List.of(
                Map.of("Target", "medianest_backend", "Aliases", List.of("worker", "jobs"))));
        // the same content gives the same name; other content another
        assertThat(render("app", Map.of()).resources()).isEqualTo(r.resources());
        assertThat(find(render("app", Map.of("WEB_TAG", "2")), "Config", config.name())).isNotNull();
    }

    @Test
    void unsupportedKeysAreErrorsNamingKeyAndFile() {
        assertThatThrownBy(() -> render("errors/unknown-key", Map.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("errors/unknown-key/compose.yaml").hasMessageContaining("service 'web'")
                .hasMessageContaining("unsupported key 'pull_policy'");
        assertThatThrownBy(() -> render("errors/forbidden-key", Map.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'mem_limit'").hasMessageContaining("deploy.resources.limits.memory");
    }

    @Test
    void keysSwarmIgnoresGiveWarningsAndServicesWithoutNetworksGetTheDefaultNetwork() {
        Rendering r = render("errors/ignored-keys", Map.of());
        assertThat(r.warnings()).hasSize(3).allMatch(w -> w.contains("service 'web'") && w.contains("ignored"));
        assertThat(String.join("\n", r.warnings())).contains("'build'", "'container_name'", "'depends_on'");
        // restart: is on docker's list of unsupported keys, but docker stack deploy converts it all the same
        Resource web = r.resources().stream().filter(x -> x.name().equals("medianest_web")).findFirst().orElseThrow();
        assertThat(Manifests.get(web.manifest(), "Spec", "TaskTemplate", "RestartPolicy")).isEqualTo(Map.of("Condition", "any"));
        assertThat(Resource.keys(r.resources())).contains(new ResourceKey("swarm", "Network", "", "medianest_default"));
    }

    @Test
    void anEnvFileNameWithABlankIsRefusedWithFileAndLineAsDockerRefusesIt() {
        assertThatThrownBy(() -> render("errors/env-file-blank-name", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("errors/env-file-blank-name/app.env:2: variable 'SPACES ' contains whitespace;"
                        + " write NAME=VALUE with no blank before '='");
    }

    @Test
    void configFilesMustStayInsideTheRepository() {
        assertThatThrownBy(() -> render("errors/config-outside-repo", Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("leaves the repository");
    }

    @Test
    void secretValuesNeverAppearInWarningsOrErrors() {
        Rendering r = render("errors/required-variable", Map.of("API_TAG", "1"));
        assertThat(String.join("\n", r.warnings())).doesNotContain("dotenv-password-value");
        assertThat(Manifests.get(r.resources().get(1).manifest(), "Spec", "TaskTemplate", "ContainerSpec", "Env"))
                .isEqualTo(List.of("DB_PASSWORD=dotenv-password-value"));
        Rendering app = render("app", Map.of());
        assertThat(String.join("\n", app.warnings())).doesNotContain("hunter2");
        assertThat(app.resources().toString()).doesNotContain("hunter2");
    }
}
