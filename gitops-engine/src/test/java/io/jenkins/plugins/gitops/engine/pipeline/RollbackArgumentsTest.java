package io.jenkins.plugins.gitops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.config.ProjectConfigLoader;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.pipeline.RollbackArguments.Mode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackArgumentsTest {
    private static final ProjectConfig APPROVAL = ProjectConfigLoader.load(
            Results.fixture("approval-gitops.yaml").getBytes(StandardCharsets.UTF_8), "gitops.yaml");

    @Test
    void aJobPageRollbackOfAnApprovalEnvironmentNeedsAnApproverByIdOrGroup() {
        assertThat(rollback("production", "carol").checkApprover(APPROVAL, List.of()).actor()).isEqualTo("carol");
        assertThat(rollback("production", "dave").checkApprover(APPROVAL, List.of("release-managers")).actor())
                .isEqualTo("dave");
        assertThatThrownBy(() -> rollback("production", "mallory").checkApprover(APPROVAL, List.of("developers")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("gitops.yaml: environment 'production' has sync: approval and 'mallory' is not one of its"
                        + " approvers (release-managers, carol), directly or through a group (developers); ask one of"
                        + " them to roll back");
    }

    @Test
    void anApprovalEnvironmentWithoutApproversIsNotRolledBackFromTheJobPage() {
        assertThatThrownBy(() -> rollback("staging", "carol").checkApprover(APPROVAL, List.of("release-managers")))
                .hasMessageContaining("'staging' has sync: approval and names no approvers");
        assertThat(rollback("development", "anyone").checkApprover(APPROVAL, List.of()).environment())
                .isEqualTo("development");
    }

    private static RollbackArguments rollback(String environment, String user) {
        return new RollbackArguments("https://git.example/ops.git", environment, "previous", Mode.REVERT, user);
    }

    @Test
    void defaultsToARevertCommitOfThePreviousDeployment() {
        RollbackArguments args = new RollbackArguments(null, "production", null, null, "alice").validate();

        assertThat(args.to()).isEqualTo(RollbackArguments.PREVIOUS);
        assertThat(args.mode()).isEqualTo(Mode.REVERT);
    }

    @Test
    void parsesModesCaseInsensitively() {
        assertThat(Mode.parse("Direct")).isEqualTo(Mode.DIRECT);
        assertThat(Mode.parse(" revert ")).isEqualTo(Mode.REVERT);
        assertThat(Mode.parse(null)).isEqualTo(Mode.REVERT);
        assertThat(Mode.DIRECT.stepName()).isEqualTo("direct");
    }

    @Test
    void unknownModeNamesTheChoices() {
        assertThatThrownBy(() -> Mode.parse("force"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("gitopsRollback: mode 'force' is unknown; use 'revert' or 'direct'");
    }

    @Test
    void rejectsOptionLikeTargets() {
        assertThatThrownBy(() -> new RollbackArguments(null, "production", "--force", Mode.DIRECT, "a").validate())
                .hasMessageContaining("to '--force'");
    }
}
