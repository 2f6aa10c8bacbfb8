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
    void anApproverFromTheListLetsThePromotionThrough() {
        PromoteArguments args = new PromoteArguments(null, "staging", "production", true, "release-managers", "job/app#7");

        assertThat(args.validate().checkApproval(config)).isSameAs(args);
    }

    @Test
    void anApproverInAListedGroupMayApproveAndOneInNoneMayNot() {
        PromoteArguments dave = new PromoteArguments(null, "staging", "production", true, "dave", "job/app#7");

        assertThat(dave.withApproverGroups(List.of("authenticated", "release-managers")).checkApproval(config).approvedBy())
                .isEqualTo("dave");
        assertThatThrownBy(() -> dave.withApproverGroups(List.of("developers")).checkApproval(config))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("gitops.yaml: 'dave' may not approve promotions into 'production': approvers are"
                        + " release-managers (user ids or groups), and dave is in the groups developers; restrict the"
                        + " input step's submitter to release-managers");
        assertThatThrownBy(() -> dave.checkApproval(config)).hasMessageContaining("dave is in no group Jenkins knows of");
    }

    @Test
    void anApproverIsAcceptedOnlyWhenTheBuildRecordedTheirInputApproval() {
        PromoteArguments typed = new PromoteArguments(null, "staging", "production", true, "carol", "job/app#7");

        assertThat(typed.checkRecorded(List.of("alice", "carol"))).isSameAs(typed);
        assertThatThrownBy(() -> typed.checkRecorded(List.of("alice")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("gitopsPromote: approvedBy 'carol' did not approve an input step of this build"
                        + " (approvals recorded: alice)");
        assertThatThrownBy(() -> typed.checkRecorded(List.of())).hasMessageContaining("(approvals recorded: none)");
        PromoteArguments none = new PromoteArguments(null, "development", "staging", false, null, "job/app#7");
        assertThat(none.checkRecorded(List.of())).isSameAs(none);
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
