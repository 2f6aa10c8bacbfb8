package io.jenkins.plugins.gitops.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.PolicyRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyCheckerTest {
    private static final String FILE = "environments/prod/app.yaml";
    private static final List<String> REQUIRED = List.of("app.kubernetes.io/name", "team");

    private final DesiredState compliant = DesiredFixtures.load("prod", "policy/compliant/workloads.yaml", FILE);
    private final DesiredState violating = DesiredFixtures.load("prod", "policy/violations/app.yaml", FILE);
    private final DesiredState swarm = DesiredFixtures.load("staging", "policy/swarm-services.yaml",
            "environments/staging/docker-compose.yml");

    private static List<PolicyRule> all(boolean enforce) {
        return List.of(new PolicyRule("run-as-non-root", enforce, List.of()),
                new PolicyRule("resource-limits", enforce, List.of()), new PolicyRule("no-privileged", enforce, List.of()),
                new PolicyRule("no-latest-tag", enforce, List.of()), new PolicyRule("required-labels", enforce, REQUIRED));
    }

    private static List<String> messages(PolicyReport report, String rule) {
        return report.violations().stream().filter(v -> v.rule().equals(rule)).map(Violation::message).toList();
    }

    @Test
    void compliantObjectsPassEveryPolicy() {
        PolicyReport report = new PolicyChecker(all(true)).check(compliant);
        assertThat(report.violations()).isEmpty();
        assertThat(report.blocked()).isFalse();
        assertThat(report.describe()).isEqualTo("policies of prod: passed (run-as-non-root, resource-limits, "
                + "no-privileged, no-latest-tag, required-labels)");
    }

    @Test
    void missingLimitIsNamedWithFileObjectContainerAndRule() {
        PolicyReport report = new PolicyChecker(List.of(new PolicyRule("resource-limits", true, List.of()))).check(violating);
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.message()).isEqualTo(
                    "environments/prod/app.yaml: Deployment 'web' container 'web' has no resources.limits.memory "
                            + "(policy resource-limits)");
            assertThat(v.file()).isEqualTo(FILE);
            assertThat(v.objectDescription()).isEqualTo("Deployment 'web'");
            assertThat(v.container()).isEqualTo("web");
            assertThat(v.enforce()).isTrue();
        });
    }

    @Test
    void containerSecurityContextOverridesThePods() {
        PolicyReport report = new PolicyChecker(List.of(new PolicyRule("run-as-non-root", true, List.of()))).check(violating);
        assertThat(messages(report, "run-as-non-root")).containsExactly(
                // the pod says uid 10001, the init container overrides it with 0; container 'web' inherits 10001
                FILE + ": Deployment 'web' init container 'migrate' runs as uid 0 "
                        + "(securityContext.runAsUser must be above 1000) (policy run-as-non-root)",
                FILE + ": Job 'seed' container 'seed' runs as uid 1000 "
                        + "(securityContext.runAsUser must be above 1000) (policy run-as-non-root)",
                FILE + ": Pod 'debug' container 'shell' does not set securityContext.runAsNonRoot: true "
                        + "(policy run-as-non-root)",
                FILE + ": Pod 'debug' container 'shell' sets no securityContext.runAsUser (needs a uid above 1000) "
                        + "(policy run-as-non-root)");
    }

    @Test
    void privilegedAndPrivilegeEscalationAreViolations() {
        PolicyReport report = new PolicyChecker(List.of(new PolicyRule("no-privileged", true, List.of()))).check(violating);
        assertThat(messages(report, "no-privileged")).containsExactly(
                FILE + ": Deployment 'web' container 'web' runs privileged (securityContext.privileged: true) "
                        + "(policy no-privileged)",
                FILE + ": Job 'seed' container 'seed' allows privilege escalation "
                        + "(securityContext.allowPrivilegeEscalation: true) (policy no-privileged)");
    }

    @Test
    void latestAndMissingTagsAreViolationsAcrossKinds() {
        PolicyReport report = new PolicyChecker(List.of(new PolicyRule("no-latest-tag", true, List.of()))).check(violating);
        assertThat(report.violations()).extracting(v -> v.objectDescription() + "/" + v.container())
                .containsExactly("Deployment 'web'/web", "Job 'seed'/seed", "Pod 'debug'/shell");
        assertThat(report.violations().get(2).message()).isEqualTo(FILE + ": Pod 'debug' container 'shell' uses image "
                + "'registry.example.com:5000/tools/shell' without a tag, which means :latest (pin a version or a digest) "
                + "(policy no-latest-tag)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            nginx                                   | false
            nginx:latest                            | false
            docker.io/library/nginx:latest          | false
            registry.example.com:5000/app           | false
            nginx:1.27.0                            | true
            registry.example.com:5000/app:1.0       | true
            app@sha256:4b0c3e1d8a5f6e7d9c2b1a0f3e4d | true
            app:latest@sha256:4b0c3e1d8a5f6e7d9c2b1 | true
            """)
    void imageReferencesArePinnedByTagOrDigest(String image, boolean pinned) {
        assertThat(NoLatestTagPolicy.problem(image) == null).isEqualTo(pinned);
    }

    @Test
    void requiredLabelsAreCheckedOnEveryObject() {
        PolicyReport report = new PolicyChecker(List.of(new PolicyRule("required-labels", true, REQUIRED))).check(violating);
        assertThat(messages(report, "required-labels")).containsExactly(
                FILE + ": Deployment 'web' has no label team in metadata.labels (policy required-labels)",
                FILE + ": Pod 'debug' has no label app.kubernetes.io/name in metadata.labels (policy required-labels)");
        assertThat(report.violations()).allSatisfy(v -> assertThat(v.container()).isNull());
    }

    @Test
    void swarmServicesAreCheckedInComposeTerms() {
        PolicyReport report = new PolicyChecker(all(true)).check(swarm);
        String file = "environments/staging/docker-compose.yml: Service 'shop_worker' ";
        assertThat(report.violations()).extracting(Violation::message).containsExactly(
                file + "runs as user 'app', which is not a numeric uid (set user: to a uid above 1000) (policy run-as-non-root)",
                file + "has no deploy.resources.limits.cpus (policy resource-limits)",
                file + "adds capability CAP_SYS_ADMIN (cap_add) (policy no-privileged)",
                file + "uses image 'shop/worker:latest' (pin a version or a digest instead of :latest) (policy no-latest-tag)",
                file + "has no labels app.kubernetes.io/name, team in metadata.labels (policy required-labels)");
    }

    @Test
    void warnModeReportsWithoutBlocking() {
        PolicyReport report = new PolicyChecker(all(false)).check(violating);
        assertThat(report.blocked()).isFalse();
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).hasSize(report.violations().size()).hasSizeGreaterThan(5);
        report.enforce();
        assertThat(report.describe()).startsWith("policies of prod: passed with " + report.violations().size() + " warnings\n"
                + "  warning: " + FILE + ": Deployment 'web' init container 'migrate' runs as uid 0");
    }

    @Test
    void enforcedViolationsBlockAndWarnOnesDoNot() {
        PolicyReport report = new PolicyChecker(List.of(new PolicyRule("resource-limits", true, List.of()),
                new PolicyRule("no-latest-tag", false, List.of()))).check(violating);
        assertThat(report.blocked()).isTrue();
        assertThat(report.errors()).hasSize(1);
        assertThat(report.warnings()).hasSize(3);
        assertThat(report.describe()).startsWith("policies of prod: blocked, 1 violation, 3 warnings\n  error: ");
        assertThatThrownBy(report::enforce).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).isEqualTo(report.errors()));
    }

    @Test
    void unknownRuleNamesTheKnownOnes() {
        assertThatThrownBy(() -> new PolicyChecker(List.of(new PolicyRule("no-root", true, List.of()))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown policy 'no-root'; known policies: run-as-non-root, resource-limits, no-privileged, "
                        + "no-latest-tag, required-labels");
    }

    @Test
    void requiredLabelsWithoutLabelsIsBadInput() {
        assertThatThrownBy(() -> new PolicyChecker(List.of(new PolicyRule("required-labels", true, List.of()))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs the label names");
    }

    @Test
    void noRulesMeansNothingToReport() {
        PolicyReport report = new PolicyChecker(List.of()).check(violating);
        assertThat(report.violations()).isEmpty();
        assertThat(report.describe()).isEqualTo("policies of prod: none configured");
    }
}
