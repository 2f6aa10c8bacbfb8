package io.jenkins.plugins.gitops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.pipeline.RollbackArguments.Mode;
import org.junit.jupiter.api.Test;

class RollbackArgumentsTest {

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
