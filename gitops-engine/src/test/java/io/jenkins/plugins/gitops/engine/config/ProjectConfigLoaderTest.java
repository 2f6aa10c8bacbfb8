package io.jenkins.plugins.gitops.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.IgnoreRule;
import io.jenkins.plugins.gitops.engine.model.LoadRestrictor;
import io.jenkins.plugins.gitops.engine.model.PolicyRule;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.model.RetryPolicy;
import io.jenkins.plugins.gitops.engine.model.SyncPolicy;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ProjectConfigLoaderTest {

    private static ProjectConfig load(String fixture) {
        return ProjectConfigLoader.load(Fixtures.read(fixture), "gitops.yaml");
    }

    @Test
    void docsPlatformOnKubernetes() {
        ProjectConfig config = load("docs-platform.yaml");

        assertThat(config.environments().keySet()).containsExactly("development", "staging", "production");

        Environment dev = config.environment("development");
        assertThat(dev.name()).isEqualTo("development");
        assertThat(dev.path()).isEqualTo("environments/development");
        assertThat(dev.target()).isEqualTo(new TargetSpec(TargetSpec.Type.KUBERNETES, "docs-dev", "dev-cluster", true, null));
        assertThat(dev.sync()).isEqualTo(SyncPolicy.AUTOMATIC);
        assertThat(dev.prune()).as("from defaults").isTrue();
        assertThat(dev.selfHeal()).isTrue();
        assertThat(dev.driftInterval()).as("own value beats defaults").isEqualTo(Duration.ofMinutes(1));
        assertThat(dev.promotesFrom()).isNull();
        assertThat(dev.approvers()).isEmpty();
        assertThat(dev.retry()).as("defaults.retry merged into the built-in policy")
                .isEqualTo(new RetryPolicy(3, Duration.ofSeconds(5), 2.0, Duration.ofMinutes(3)));
        assertThat(dev.policies()).containsExactly(new PolicyRule("run-as-non-root", true, List.of()),
                new PolicyRule("resource-limits", true, List.of()));
        assertThat(dev.ignoreDifferences()).isEmpty();
        assertThat(dev.healthTimeout()).isEqualTo(Environment.DEFAULT_HEALTH_TIMEOUT);
        assertThat(dev.autoRollback()).isFalse();
        assertThat(dev.variables()).containsExactlyInAnyOrderEntriesOf(
                Map.of("REGISTRY", "registry.example.com", "LOG_LEVEL", "debug"));

        Environment staging = config.environment("staging");
        assertThat(staging.path()).as("normalised").isEqualTo("environments/staging");
        assertThat(staging.target()).isEqualTo(new TargetSpec(TargetSpec.Type.KUBERNETES, "docs-staging", "dev-cluster", true, null));
        assertThat(staging.sync()).isEqualTo(SyncPolicy.MANUAL);
        assertThat(staging.prune()).isTrue();
        assertThat(staging.selfHeal()).as("built-in default").isFalse();
        assertThat(staging.driftInterval()).as("from defaults").isEqualTo(Duration.ofMinutes(10));
        assertThat(staging.promotesFrom()).isEqualTo("development");
        assertThat(staging.ignoreDifferences()).containsExactly(new IgnoreRule("Deployment", "web", List.of("/spec/replicas")));
        assertThat(staging.variables()).containsExactlyEntriesOf(Map.of("REGISTRY", "registry.example.com"));

        Environment production = config.environment("production");
        assertThat(production.path()).isEqualTo("environments/production");
        assertThat(production.target()).isEqualTo(new TargetSpec(TargetSpec.Type.KUBERNETES, "docs", "prod-cluster", true, null));
        assertThat(production.sync()).isEqualTo(SyncPolicy.APPROVAL);
        assertThat(production.prune()).as("own false beats defaults' true").isFalse();
        assertThat(production.selfHeal()).isFalse();
        assertThat(production.driftInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(production.promotesFrom()).isEqualTo("staging");
        assertThat(production.approvers()).containsExactly("release-managers", "alice");
        assertThat(production.retry()).as("limit from defaults, the rest its own")
                .isEqualTo(new RetryPolicy(3, Duration.ofSeconds(10), 1.5, Duration.ofMinutes(5)));
        assertThat(production.healthTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(production.autoRollback()).isTrue();
        assertThat(production.policies()).as("own list replaces the defaults' list").containsExactly(
                new PolicyRule("run-as-non-root", true, List.of()),
                new PolicyRule("resource-limits", true, List.of()),
                new PolicyRule("no-privileged", true, List.of()),
                new PolicyRule("no-latest-tag", true, List.of()),
                new PolicyRule("required-labels", false, List.of("app.kubernetes.io/name", "team")));
        assertThat(production.ignoreDifferences()).containsExactly(
                new IgnoreRule("HorizontalPodAutoscaler", null, List.of("/status")),
                new IgnoreRule(null, null, List.of("/metadata/annotations/deployment.kubernetes.io~1revision")));
        assertThat(production.variables()).as("own key overrides the default")
                .containsExactlyEntriesOf(Map.of("REGISTRY", "registry.prod.example.com"));
    }

    @Test
    void docsPlatformHasNoWarnings() {
        assertThat(ProjectConfigLoader.loadWithWarnings(Fixtures.read("docs-platform.yaml"), "gitops.yaml").warnings()).isEmpty();
    }

    @Test
    void medianestOnSwarm() {
        LoadedConfig loaded = ProjectConfigLoader.loadWithWarnings(Fixtures.read("medianest-swarm.yaml"), "gitops.yaml");
        assertThat(loaded.warnings()).as("same stack on different contexts is fine").isEmpty();
        ProjectConfig config = loaded.config();
        assertThat(config.environments().keySet()).containsExactly("development", "staging", "production");

        Environment dev = config.environment("development");
        assertThat(dev.target()).isEqualTo(new TargetSpec(TargetSpec.Type.SWARM, null, null, false, "medianest-dev"));
        assertThat(dev.sync()).isEqualTo(SyncPolicy.AUTOMATIC);
        assertThat(dev.prune()).isTrue();
        assertThat(dev.selfHeal()).isTrue();
        assertThat(dev.driftInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(dev.variables()).containsExactlyInAnyOrderEntriesOf(
                Map.of("APP_VERSION", "latest", "NODE_ENV", "development", "LOG_LEVEL", "debug"));

        Environment staging = config.environment("staging");
        assertThat(staging.path()).isEqualTo("environments/staging");
        assertThat(staging.target()).isEqualTo(new TargetSpec(TargetSpec.Type.SWARM, null, "staging-swarm", false, "medianest"));
        assertThat(staging.sync()).as("built-in default").isEqualTo(SyncPolicy.MANUAL);
        assertThat(staging.selfHeal()).isFalse();
        assertThat(staging.driftInterval()).isEqualTo(Environment.DEFAULT_DRIFT_INTERVAL);
        assertThat(staging.promotesFrom()).isEqualTo("development");
        assertThat(staging.retry()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(staging.policies()).isEmpty();
        assertThat(staging.approvers()).isEmpty();
        assertThat(staging.autoRollback()).isFalse();

        Environment production = config.environment("production");
        assertThat(production.target()).isEqualTo(new TargetSpec(TargetSpec.Type.SWARM, null, "production-swarm", false, "medianest"));
        assertThat(production.sync()).isEqualTo(SyncPolicy.APPROVAL);
        assertThat(production.approvers()).containsExactly("release-managers");
        assertThat(production.promotesFrom()).isEqualTo("staging");
        assertThat(production.prune()).isTrue();
        assertThat(production.retry()).isEqualTo(new RetryPolicy(5, Duration.ofSeconds(5), 2.0, Duration.ofMinutes(3)));
        assertThat(production.healthTimeout()).as("3m0s").isEqualTo(Duration.ofMinutes(3));
        assertThat(production.autoRollback()).isTrue();
        assertThat(production.policies()).containsExactly(new PolicyRule("no-latest-tag", true, List.of()),
                new PolicyRule("resource-limits", true, List.of()), new PolicyRule("no-privileged", false, List.of()));
        assertThat(production.ignoreDifferences()).isEmpty();
        assertThat(production.variables()).as("unquoted scalars are kept as written").containsExactlyInAnyOrderEntriesOf(
                Map.of("APP_VERSION", "1.2.3", "NODE_ENV", "production", "REPLICAS", "3", "STRICT_SECURITY", "true"));
    }

    @Test
    void minimalEnvironmentGetsEveryBuiltInDefault() {
        Environment env = ProjectConfigLoader.load(yaml("""
                environments:
                  dev:
                    path: deploy/dev
                    target: { kubernetes: { namespace: dev } }
                """), "gitops.yaml").environment("dev");

        assertThat(env).isEqualTo(new Environment("dev", "deploy/dev",
                new TargetSpec(TargetSpec.Type.KUBERNETES, "dev", null, true, null), SyncPolicy.MANUAL, false, false,
                Duration.ofMinutes(5), null, List.of(), RetryPolicy.DEFAULT, List.of(), List.of(), Duration.ofMinutes(5),
                false, Map.of()));
    }

    @Test
    void kustomizeLoadRestrictorComesFromTheEnvironmentThenTheDefaults() {
        ProjectConfig config = ProjectConfigLoader.load(yaml("""
                defaults:
                  kustomize: { loadRestrictor: LoadRestrictionsNone }
                environments:
                  dev:
                    path: deploy/dev
                    target: { kubernetes: { namespace: dev } }
                  prod:
                    path: deploy/prod
                    target: { kubernetes: { namespace: prod } }
                    kustomize: { loadRestrictor: LoadRestrictionsRootOnly }
                  plain:
                    path: deploy/plain
                    target: { kubernetes: { namespace: plain } }
                    kustomize: {}
                """), "gitops.yaml");

        assertThat(config.environment("dev").loadRestrictor()).isEqualTo(LoadRestrictor.NONE);
        assertThat(config.environment("prod").loadRestrictor()).isEqualTo(LoadRestrictor.ROOT_ONLY);
        assertThat(config.environment("plain").loadRestrictor()).isEqualTo(LoadRestrictor.NONE);
        assertThat(ProjectConfigLoader.load(yaml("""
                environments:
                  dev:
                    path: deploy/dev
                    target: { kubernetes: { namespace: dev } }
                """), "gitops.yaml").environment("dev").loadRestrictor()).isEqualTo(LoadRestrictor.ROOT_ONLY);
    }

    @Test
    void warningsNameTheLineAndNeverTheSecretValue() {
        LoadedConfig loaded = ProjectConfigLoader.loadWithWarnings(Fixtures.read("warnings.yaml"), "gitops.yaml");

        assertThat(loaded.config().environments()).hasSize(3);
        assertThat(loaded.warnings()).containsExactly(
                "gitops.yaml:7: environments.blue.approvers: approvers only matter with sync: approval;"
                        + " this environment has sync: manual",
                "gitops.yaml:10: environments.green.target: deploys to the same Kubernetes namespace 'shop' in the"
                        + " default context as environment 'blue'; unless they run on different clusters or daemons,"
                        + " they overwrite each other's objects. Set a different context for each, or give each its own namespace",
                "gitops.yaml:12: environments.green-eu.path: folder 'environments/green/eu' is inside the folder of"
                        + " environment 'green' ('environments/green'); keep environment folders side by side so that"
                        + " one environment's files are not read as another's",
                "gitops.yaml:15: environments.green-eu.variables.DB_PASSWORD: looks like a secret; gitops.yaml is stored"
                        + " in Git in clear text, use a Kubernetes Secret or a Docker secret instead");
        assertThat(String.join("\n", loaded.warnings())).doesNotContain("hunter2");
    }

    @Test
    void collectsEveryProblemSortedByLine() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ProjectConfigLoader.load(yaml("""
                environments:
                  staging:
                    path: environments/staging
                    target: { kubernetes: { namespace: staging } }
                    sync: sometimes
                    prune: maybe
                  production:
                    promotesFrom: stagin
                    selfHeal: yes
                    driftInterval: forever
                    policies: [no-root]
                """), "repo/gitops.yaml"));

        assertThat(e.problems()).containsExactly(
                "repo/gitops.yaml:5: environments.staging.sync: 'sometimes' is not one of automatic, manual, approval",
                "repo/gitops.yaml:6: environments.staging.prune: expected true or false, found 'maybe'",
                "repo/gitops.yaml:7: environments.production: missing required key 'path' (the folder with this"
                        + " environment's manifests, e.g. environments/production)",
                "repo/gitops.yaml:7: environments.production: missing required key 'target' (where it runs:"
                        + " kubernetes: { namespace: ... } or swarm: { stack: ... })",
                "repo/gitops.yaml:8: environments.production.promotesFrom: 'stagin' is not an environment"
                        + " (did you mean 'staging'?); known: staging, production",
                "repo/gitops.yaml:9: environments.production.selfHeal: expected true or false, found 'yes'",
                "repo/gitops.yaml:10: environments.production.driftInterval: 'forever' is not a duration: use a number"
                        + " and a unit (ms, s, m, h), e.g. 500ms, 30s, 5m, 1h30m",
                "repo/gitops.yaml:11: environments.production.policies[0]: unknown policy 'no-root'; known policies:"
                        + " run-as-non-root, resource-limits, no-privileged, no-latest-tag, required-labels");
        assertThat(e.getMessage()).isEqualTo(String.join("\n", e.problems()));
    }

    @Test
    void errorsNeverQuoteVariableValues() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ProjectConfigLoader.load(yaml("""
                environments:
                  staging:
                    path: environments/staging
                    target: { kubernetes: { namespace: staging } }
                    variables:
                      db-password: s3cr3t-value
                      API_TOKEN: { value: s3cr3t-token }
                """), "gitops.yaml"));

        assertThat(e.problems()).hasSize(2);
        assertThat(e.getMessage()).contains("gitops.yaml:6:", "gitops.yaml:7:").doesNotContain("s3cr3t");
    }

    @Test
    void mergeKeysShareSettingsBetweenEnvironments() {
        ProjectConfig config = ProjectConfigLoader.load(yaml("""
                environments:
                  dev: &common
                    path: environments/dev
                    target: { kubernetes: { namespace: dev } }
                    prune: true
                    sync: automatic
                  qa:
                    <<: *common
                    sync: manual
                    path: environments/qa
                    target: { kubernetes: { namespace: qa } }
                """), "gitops.yaml");

        Environment qa = config.environment("qa");
        assertThat(qa.prune()).as("merged from dev").isTrue();
        assertThat(qa.sync()).as("explicit key beats the merged one").isEqualTo(SyncPolicy.MANUAL);
        assertThat(qa.path()).isEqualTo("environments/qa");
        assertThat(qa.target().namespace()).isEqualTo("qa");
        assertThat(config.environment("dev").sync()).isEqualTo(SyncPolicy.AUTOMATIC);
    }

    @Test
    void selfReferencingMergeKeyDoesNotLoop() {
        ProjectConfig config = ProjectConfigLoader.load(yaml("""
                environments:
                  staging: &s
                    path: environments/staging
                    target: { kubernetes: { namespace: staging } }
                    <<: *s
                """), "gitops.yaml");
        assertThat(config.environment("staging").path()).isEqualTo("environments/staging");
    }

    @Test
    void badDefaultsRetryIsReportedOnceAtTheDefaults() {
        assertThatThrownBy(() -> ProjectConfigLoader.load(yaml("""
                defaults:
                  retry: { backoff: 1m, maxDuration: 30s }
                environments:
                  a: { path: environments/a, target: { kubernetes: { namespace: a } } }
                  b: { path: environments/b, target: { kubernetes: { namespace: b } } }
                """), "gitops.yaml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        "gitops.yaml:2: defaults.retry: maxDuration 30s is shorter than backoff 1m; maxDuration caps"
                                + " the delay between attempts, so make it at least the backoff"));
    }

    @Test
    void longerPromotionCycleIsReportedOnce() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ProjectConfigLoader.load(yaml("""
                environments:
                  a: { path: environments/a, target: { kubernetes: { namespace: a } }, promotesFrom: c }
                  b: { path: environments/b, target: { kubernetes: { namespace: b } }, promotesFrom: a }
                  c: { path: environments/c, target: { kubernetes: { namespace: c } }, promotesFrom: b }
                  d: { path: environments/d, target: { kubernetes: { namespace: d } }, promotesFrom: c }
                """), "gitops.yaml"));

        assertThat(e.problems()).containsExactly("gitops.yaml:2: environments.a.promotesFrom: promotion cycle:"
                + " a promotes from c, c promotes from b, b promotes from a; the first stage of a promotion chain"
                + " must not have promotesFrom");
    }

    @Test
    void acceptsByteOrderMarkAndWindowsLineEndings() {
        String text = "\uFEFFapiVersion: gitops.jenkins.io/v1\r\nenvironments:\r\n  dev:\r\n"
                + "    path: environments\\dev\r\n    target: { swarm: { stack: app } }\r\n";
        Environment env = ProjectConfigLoader.load(text.getBytes(StandardCharsets.UTF_8), "gitops.yaml").environment("dev");
        assertThat(env.path()).isEqualTo("environments/dev");
        assertThat(env.target().stack()).isEqualTo("app");
    }

    @Test
    void missingFileNameDefaultsToGitopsYaml() {
        assertThatThrownBy(() -> ProjectConfigLoader.load(new byte[0], null))
                .hasMessage("gitops.yaml:1: the file is empty; it must define at least one environment under"
                        + " 'environments:' (see docs/gitops-yaml.md)");
    }

    private static byte[] yaml(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
