package io.jenkins.plugins.gitops.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryFiguresTest {
    private static final Instant TO = Instant.parse("2026-11-30T00:00:00Z");

    @Test
    void fourLinesInDorasOrderWithTheirBands() {
        DeliveryMetrics m = new DeliveryMetrics("production", TO.minus(Duration.ofDays(30)), TO, 14, 13, 13 / 30.0, 13,
                1, 1 / 13.0, 31, Duration.ofMinutes(150), Duration.ofHours(28), 2, 1, Duration.ofSeconds(725), null);
        assertThat(DeliveryFigures.of(m)).containsExactly(
                new DeliveryFigures("deployment frequency", "0.43/day, 3.03/week (14 deployments, 13 successful)", "high"),
                new DeliveryFigures("lead time for changes", "median 2h30m, p90 1d4h (31 commits)", "elite"),
                new DeliveryFigures("change failure rate", "8% (1 of 13 changes)", "high"),
                new DeliveryFigures("time to restore", "median 12m5s (2 restored), 1 not restored yet", "elite"));
    }

    @Test
    void figuresWithNothingToMeasureSayWhyAndHaveNoBand() {
        DeliveryMetrics m = new DeliveryMetrics("dev", TO.minus(Duration.ofDays(30)), TO, 0, 0, 0, 0, 0, null, 0, null,
                null, 0, 0, null, null);
        assertThat(DeliveryFigures.of(m)).extracting(DeliveryFigures::value).containsExactly(
                "0.00/day, 0.00/week (0 deployments, 0 successful)", "n/a (no commit deployed)",
                "n/a (no change deployed)", "n/a (nothing restored)");
        assertThat(DeliveryFigures.of(m)).extracting(DeliveryFigures::band).containsExactly("low", null, null, null);
        assertThat(DeliveryFigures.human(Duration.ofSeconds(45).plusMillis(900))).isEqualTo("45s");
    }
}
