package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code gitops metrics --output json} and {@code gitopsStatus}'s {@code delivery} map say the same, by the same names. */
@SuppressWarnings("unchecked")
class DeliveryJsonTest {

    @Test
    void theCommandsJsonEqualsTheEnginesPlainDataForm() throws Exception {
        Instant to = Instant.parse("2026-11-30T00:00:00Z");
        DeliveryMetrics m = new DeliveryMetrics("production", to.minus(Duration.ofDays(30)), to, 14, 13, 13 / 30.0, 13, 1,
                1 / 13.0, 31, Duration.ofMinutes(150), Duration.ofHours(28), 2, 0, Duration.ofSeconds(725),
                to.minus(Duration.ofDays(40)));
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> command = json.readValue(json.writeValueAsString(DeliveryJson.of(m)), Map.class);
        Map<String, Object> engine = json.readValue(json.writeValueAsString(m.asMap()), Map.class);
        assertThat(command).isEqualTo(engine);
        assertThat(engine).containsEntry("leadTimeMedianSeconds", 9000.0).containsEntry("deploymentFrequencyBand", "high")
                .containsEntry("changeFailureRateBand", "high").containsEntry("timeToRestoreBand", "elite");
    }
}
