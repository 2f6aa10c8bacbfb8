package io.jenkins.plugins.gitops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.model.RetryPolicy;
import io.jenkins.plugins.gitops.engine.model.SyncPolicy;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromoteArgumentsTest {
    private final ProjectConfig config = config();

    @Test
    void promotionIntoAnApprovalEnvironmentWithoutApproverIsRefusedWithTheFix() {
        PromoteArguments args = new PromoteArguments(null, "staging", "production", true, null, "job/app#7");

        assertThatThrownBy(() -> args.validate().checkApproval(config))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'production' has sync: approval")
                .hasMessageContaining("release-managers")
                .hasMessageContaining("submitterParameter: 'approver'")
                .hasMessageContaining("approvedBy: who");
    }

    @Test
    void blankApproverCountsAsNone() {
        PromoteArguments args = new PromoteArguments(null, "staging", "production", true, "  ", "job/app#7");

        assertThatThrownBy(() -> args.checkApproval(config)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void recordedApproverLetsThePromotionThrough() {
        PromoteArguments args = new PromoteArguments(null, "staging", "production", true, "carol", "job/app#7");

        assertThat(args.validate().checkApproval(config)).isSameAs(args);
    }

    @Test
    void manualEnvironmentsNeedNoApprover() {
        PromoteArguments args = new PromoteArguments(null, "development", "staging", false, null, "job/app#7");

        assertThat(args.validate().checkApproval(config).approvedBy()).isNull();
    }

    @Test
    void unknownEnvironmentsAreNamedWithTheKnownOnes() {
        PromoteArguments args = new PromoteArguments(null, "staging", "prod", false, "carol", "x");

        assertThatThrownBy(() -> args.checkApproval(config))
                .hasMessageContaining("no environment 'prod'")
                .hasMessageContaining("development, staging, production");
    }

    @Test
    void fromAndToMustDiffer() {
        assertThatThrownBy(() -> new PromoteArguments(null, "staging", "staging", false, null, "x").validate())
                .hasMessageContaining("both 'staging'");
        assertThatThrownBy(() -> new PromoteArguments(null, null, "", false, null, "x").validate())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).hasSize(2));
    }

    private static ProjectConfig config() {
        Map<String, Environment> envs = new LinkedHashMap<>();
        envs.put("development", Environment.of("development", "environments/development", TargetSpec.kubernetes("dev")));
        envs.put("staging", Environment.of("staging", "environments/staging", TargetSpec.swarm("medianest")));
        envs.put("production", new Environment("production", "environments/production", TargetSpec.swarm("medianest"),
                SyncPolicy.APPROVAL, true, false, Duration.ofMinutes(5), "staging", List.of("release-managers"),
                RetryPolicy.DEFAULT, List.of(), List.of(), Duration.ofMinutes(5), false, Map.of()));
        return new ProjectConfig(envs);
    }
}
