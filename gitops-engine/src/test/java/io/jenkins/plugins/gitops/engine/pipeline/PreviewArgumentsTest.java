package io.jenkins.plugins.gitops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.api.PreviewRequest;
import io.jenkins.plugins.gitops.engine.api.PreviewResult;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviewArgumentsTest {
    private static PreviewArguments args(String id, String changeId, Map<String, String> set, boolean delete) {
        return new PreviewArguments("development", id, changeId, set, delete, null, null, null, null, "2m");
    }

    @Test
    void theIdDefaultsToTheChangeRequestAndAnExplicitIdWins() {
        PreviewRequest request = args(null, "42", Map.of("IMAGE_TAG", "pr-42"), false).validate("gitopsPreview")
                .toRequest("alice");
        assertThat(request.id()).isEqualTo("42");
        assertThat(request.variables()).containsEntry("IMAGE_TAG", "pr-42");
        assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(request.trigger()).isEqualTo("pipeline");
        assertThat(request.actor()).isEqualTo("alice");
        assertThat(args("7", "42", Map.of(), false).effectiveId()).isEqualTo("7");
        assertThat(args("  ", "42", Map.of(), true).effectiveId()).isEqualTo("42");
    }

    @Test
    void outsideAChangeRequestTheStepFailsWithAClearMessage() {
        assertThatThrownBy(() -> args(null, null, Map.of(), false).validate("gitopsPreview"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gitopsPreview: this build is not for a change request (CHANGE_ID is not set)");
    }

    @Test
    void badVariablesAndSetWithDeleteAreAllReportedAtOnce() {
        InvalidInputException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
                () -> new PreviewArguments("Bad Env", null, "42", Map.of("1TAG", "x", "OK", ""), true, null, null, null,
                        null, "soon").validate("gitopsPreview"));
        assertThat(e.problems()).hasSize(5);
        assertThat(String.join("\n", e.problems())).contains("Bad Env", "'1TAG' is not a variable name", "OK has no value",
                "set: has no meaning with delete: true", "timeout");
    }

    @Test
    void theResultMapCarriesTheUrlAndTheSyncCounts() {
        SyncResult sync = new SyncResult("development-pr-42", "abc", "k8s", false, true, "ok", "Healthy", 5, 0, 0, 0, 0,
                List.of(), List.of(), Duration.ofSeconds(3), "rec-1");
        Map<String, Object> map = PreviewArguments.result(new PreviewResult("development", "42", "development-pr-42",
                "https://pr-42.example.com/", sync), "3");
        assertThat(map).containsEntry("url", "https://pr-42.example.com/").containsEntry("name", "development-pr-42")
                .containsEntry("environment", "development").containsEntry("id", "42").containsEntry("created", 5)
                .containsEntry("recordId", "3").containsEntry("deploymentId", "rec-1");
    }
}
