package io.jenkins.plugins.gitops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncArgumentsTest {

    @Test
    void mapsEveryArgumentToTheEngineRequest() {
        SyncArguments args = new SyncArguments("staging", "https://git.example/ops.git", "release-1.2", "git-creds",
                "kube-creds", false, false, true, "10m");

        SyncRequest request = args.validate("gitopsSync").toRequest("alice");

        assertThat(request.environment()).isEqualTo("staging");
        assertThat(request.revision()).isEqualTo("release-1.2");
        assertThat(request.prune()).isFalse();
        assertThat(request.dryRun()).isFalse();
        assertThat(request.waitHealthy()).isTrue();
        assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(request.trigger()).isEqualTo("pipeline");
        assertThat(request.actor()).isEqualTo("alice");
        assertThat(request.allowEmpty()).isFalse();
        assertThat(new SyncArguments("staging", null, null, null, null, null, false, true, null, true).toRequest("alice")
                .allowEmpty()).as("allowEmpty: true on the step").isTrue();
    }

    @Test
    void leavesUnsetOptionsToTheEnvironment() {
        SyncRequest request = SyncArguments.of("development").validate("gitopsSync").toRequest("job/app#3");

        assertThat(request.revision()).isNull();
        assertThat(request.prune()).isNull();
        assertThat(request.timeout()).isNull();
        assertThat(request.waitHealthy()).isTrue();
    }

    @Test
    void aDryRunNeverWaitsForHealth() {
        SyncArguments args = new SyncArguments("staging", null, " ", null, null, null, true, true, null);

        SyncRequest request = args.toRequest("bob");

        assertThat(request.dryRun()).isTrue();
        assertThat(request.waitHealthy()).isFalse();
        assertThat(request.revision()).isNull();
    }

    @Test
    void reportsAllProblemsAtOnce() {
        SyncArguments args = new SyncArguments("prod env", null, "--upload-pack=evil", null, null, null, false, true,
                "soon");

        assertThatThrownBy(() -> args.validate("gitopsSync"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).hasSize(3))
                .hasMessageContaining("environment 'prod env'")
                .hasMessageContaining("revision '--upload-pack=evil'")
                .hasMessageContaining("timeout: 'soon'");
    }

    @Test
    void environmentIsRequired() {
        assertThatThrownBy(() -> SyncArguments.of(null).validate("gitopsDiff"))
                .hasMessage("gitopsDiff: environment is required, e.g. environment: 'staging'");
    }
}
