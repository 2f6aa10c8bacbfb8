package io.jenkins.plugins.gitops.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.model.NotificationRules;
import io.jenkins.plugins.gitops.engine.model.NotificationTrigger;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code notifications:} read from gitops.yaml: triggers to receiver names, environment over defaults. */
class NotificationsConfigTest {
    @Test
    void environmentTriggersReplaceTheDefaultsOnesAndTheRestIsInherited() {
        ProjectConfig config = ProjectConfigLoader.load(Fixtures.read("notifications.yaml"), "gitops.yaml");

        NotificationRules staging = config.notifications("staging");
        assertThat(staging.receivers(NotificationTrigger.SYNC_FAILED)).containsExactly("ops-slack", "audit");
        assertThat(staging.receivers(NotificationTrigger.HEALTH_DEGRADED)).containsExactly("ops-slack");
        assertThat(staging.receivers(NotificationTrigger.DRIFT_DETECTED)).isEmpty();

        NotificationRules production = config.notifications("production");
        assertThat(production.receivers(NotificationTrigger.SYNC_FAILED)).containsExactly("pager", "ops-slack");
        assertThat(production.receivers(NotificationTrigger.HEALTH_DEGRADED)).as("[] turns a default off").isEmpty();
        assertThat(production.receivers(NotificationTrigger.DRIFT_DETECTED)).containsExactly("ops-slack");
        assertThat(production.receivers(NotificationTrigger.APPROVAL_WAITING)).containsExactly("release-managers");
    }

    @Test
    void withoutNotificationsNothingIsSubscribed() {
        ProjectConfig config = ProjectConfigLoader.load(Fixtures.read("docs-platform.yaml"), "gitops.yaml");

        assertThat(config.environments().keySet()).allSatisfy(env -> assertThat(config.notifications(env).isEmpty()).isTrue());
        assertThat(config.notifications("no-such-environment")).isEqualTo(NotificationRules.NONE);
    }

    @Test
    void aReceiverListedTwiceIsAWarningAndGetsOneMessage() {
        String yaml = """
                environments:
                  dev:
                    path: environments/dev
                    target: { kubernetes: { namespace: dev } }
                    notifications:
                      on-rolled-back: [audit, audit]
                """;
        LoadedConfig loaded = ProjectConfigLoader.loadWithWarnings(yaml.getBytes(StandardCharsets.UTF_8), "gitops.yaml");

        assertThat(loaded.warnings()).containsExactly("gitops.yaml:6: environments.dev.notifications.on-rolled-back:"
                + " receiver 'audit' is listed twice; it gets one message");
        assertThat(loaded.config().notifications("dev").receivers(NotificationTrigger.ROLLED_BACK)).isEqualTo(List.of("audit"));
    }

    @Test
    void everyTriggerHasTheNameUsedInGitopsYaml() {
        assertThat(NotificationTrigger.ids()).containsExactly("on-sync-failed", "on-health-degraded", "on-drift-detected",
                "on-self-healed", "on-rolled-back", "on-approval-waiting", "on-policy-violation", "on-window-override");
    }
}
