package io.jenkins.plugins.gitops.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.diff.FieldChange;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckOutcomeTest {
    private static final Duration TOOK = Duration.ofMillis(420);

    @Test
    void inSyncWhenNothingDriftedAndGitHasNotMoved() {
        CheckOutcome outcome = CheckOutcome.of("development", Reports.inSync("development"), TOOK);

        assertThat(outcome.result()).isEqualTo(CheckOutcome.Result.IN_SYNC);
        assertThat(outcome.driftFound()).isFalse();
        assertThat(outcome.logLine()).isEqualTo("drift check development: in-sync, 0 drifted object(s) (420 ms)");
    }

    @Test
    void driftedNamesEveryDriftedObject() {
        CheckOutcome outcome = CheckOutcome.of("staging", Reports.drifted("staging",
                Reports.changed("Deployment", "docs-staging", "web"), Reports.changed("ConfigMap", "docs-staging", "env")),
                TOOK);

        assertThat(outcome.result()).isEqualTo(CheckOutcome.Result.DRIFTED);
        assertThat(outcome.driftedObjects()).isEqualTo(2);
        assertThat(outcome.logLine()).startsWith("drift check staging: drifted, 2 drifted object(s) "
                + "[update Deployment/docs-staging/web, update ConfigMap/docs-staging/env], not healed");
    }

    @Test
    void gitAheadOfTheLastSyncIsDrift() {
        CheckOutcome outcome = CheckOutcome.of("staging", Reports.gitAhead("staging"), TOOK);

        assertThat(outcome.result()).isEqualTo(CheckOutcome.Result.DRIFTED);
        assertThat(outcome.logLine()).contains("Git ahead (111111111111 -> 222222222222)");
    }

    @Test
    void healedWhenTheSelfHealSyncSucceeded() {
        CheckOutcome outcome = CheckOutcome.of("development", Reports.healed("development", true,
                Reports.changed("Deployment", "docs-dev", "web")), TOOK);

        assertThat(outcome.result()).isEqualTo(CheckOutcome.Result.HEALED);
        assertThat(outcome.driftFound()).isTrue();
        assertThat(outcome.logLine()).contains("[update Deployment/docs-dev/web], healed: development @ 111111111111");
    }

    @Test
    void failedWhenTheSelfHealSyncFailed() {
        CheckOutcome outcome = CheckOutcome.of("development", Reports.healed("development", false,
                Reports.changed("Deployment", "docs-dev", "web")), TOOK);

        assertThat(outcome.result()).isEqualTo(CheckOutcome.Result.FAILED);
        assertThat(outcome.logLine()).endsWith(": sync after drift failed: Deployment/web not healthy after 5m (420 ms)");
    }

    @Test
    void failedCheckCarriesTheErrorMessageOrItsType() {
        assertThat(CheckOutcome.failed("production", new IllegalStateException("target unreachable"), TOOK).logLine())
                .isEqualTo("drift check production: failed: target unreachable (420 ms)");
        assertThat(CheckOutcome.failed("production", new NullPointerException(), TOOK).error())
                .isEqualTo("NullPointerException");
    }

    @Test
    void logLineNamesObjectsButNeverTheirValues() {
        CheckOutcome outcome = CheckOutcome.of("production", Reports.drifted("production",
                Reports.changed("Secret", "docs", "db", new FieldChange("/data/password", "czNjcjN0LWRlc2lyZWQ=",
                        "bGl2ZS1zM2NyM3Q="))), TOOK);

        assertThat(outcome.logLine()).contains("Secret/docs/db").doesNotContain("czNjcjN0LWRlc2lyZWQ=")
                .doesNotContain("bGl2ZS1zM2NyM3Q=").doesNotContain("/data/password");
    }
}
