package io.jenkins.plugins.gitops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftScheduleTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void everyEnvironmentIsDueAtFirstThenAfterItsOwnInterval() {
        DriftSchedule schedule = new DriftSchedule();
        Map<String, Duration> intervals = new LinkedHashMap<>();
        intervals.put("ops development", Duration.ofMinutes(5));
        intervals.put("ops production", Duration.ofMinutes(30));

        assertThat(schedule.due(intervals, Duration.ofMinutes(1), T0)).containsExactly("ops development", "ops production");
        schedule.checked("ops development", T0);
        schedule.checked("ops production", T0);

        assertThat(schedule.due(intervals, Duration.ofMinutes(1), T0.plusSeconds(299))).isEmpty();
        assertThat(schedule.due(intervals, Duration.ofMinutes(1), T0.plusSeconds(300))).containsExactly("ops development");
        assertThat(schedule.due(intervals, Duration.ofMinutes(1), T0.plus(Duration.ofMinutes(30))))
                .containsExactly("ops development", "ops production");
    }

    @Test
    void theGlobalFloorLimitsHowOftenAnEnvironmentIsChecked() {
        DriftSchedule schedule = new DriftSchedule();
        Map<String, Duration> intervals = Map.of("ops development", Duration.ofMinutes(1));
        schedule.checked("ops development", T0);

        assertThat(schedule.due(intervals, Duration.ofMinutes(10), T0.plus(Duration.ofMinutes(5)))).isEmpty();
        assertThat(schedule.due(intervals, Duration.ofMinutes(10), T0.plus(Duration.ofMinutes(10))))
                .containsExactly("ops development");
    }

    @Test
    void forgottenEnvironmentsStartOver() {
        DriftSchedule schedule = new DriftSchedule();
        schedule.checked(DriftSchedule.key("ops", "staging"), T0);
        schedule.retain(List.of());

        assertThat(schedule.due(Map.of("ops staging", Duration.ofHours(1)), null, T0)).containsExactly("ops staging");
    }
}
