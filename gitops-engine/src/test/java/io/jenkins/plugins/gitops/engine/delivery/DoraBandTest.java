package io.jenkins.plugins.gitops.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoraBandTest {

    @Test
    void deploymentFrequencyBandsAtDailyWeeklyMonthly() {
        assertThat(DoraBand.deploymentFrequency(3)).isEqualTo(DoraBand.ELITE);
        assertThat(DoraBand.deploymentFrequency(1)).isEqualTo(DoraBand.ELITE);
        assertThat(DoraBand.deploymentFrequency(0.99)).isEqualTo(DoraBand.HIGH);
        assertThat(DoraBand.deploymentFrequency(1.0 / 7)).isEqualTo(DoraBand.HIGH);
        assertThat(DoraBand.deploymentFrequency(0.1)).isEqualTo(DoraBand.MEDIUM);
        assertThat(DoraBand.deploymentFrequency(1.0 / 30)).isEqualTo(DoraBand.MEDIUM);
        assertThat(DoraBand.deploymentFrequency(0.01)).isEqualTo(DoraBand.LOW);
    }

    @Test
    void leadTimeAndRestoreBandsAreUpperBounds() {
        assertThat(DoraBand.leadTime(Duration.ofHours(23))).isEqualTo(DoraBand.ELITE);
        assertThat(DoraBand.leadTime(Duration.ofDays(1))).isEqualTo(DoraBand.HIGH);
        assertThat(DoraBand.leadTime(Duration.ofDays(7))).isEqualTo(DoraBand.MEDIUM);
        assertThat(DoraBand.leadTime(Duration.ofDays(30))).isEqualTo(DoraBand.LOW);
        assertThat(DoraBand.timeToRestore(Duration.ofMinutes(59))).isEqualTo(DoraBand.ELITE);
        assertThat(DoraBand.timeToRestore(Duration.ofHours(1))).isEqualTo(DoraBand.HIGH);
        assertThat(DoraBand.timeToRestore(Duration.ofDays(1))).isEqualTo(DoraBand.MEDIUM);
        assertThat(DoraBand.timeToRestore(Duration.ofDays(7))).isEqualTo(DoraBand.LOW);
    }

    @Test
    void theReportsGapBetweenMediumAndLowRecoveryFallsToLow() {
        // 2023: medium "between one day and one week", low "between one month and six months"
        assertThat(DoraBand.timeToRestore(Duration.ofDays(6).plusHours(23))).isEqualTo(DoraBand.MEDIUM);
        assertThat(DoraBand.timeToRestore(Duration.ofDays(14))).isEqualTo(DoraBand.LOW);
        // lead time: medium "between one week and one month" (30 days)
        assertThat(DoraBand.leadTime(Duration.ofDays(29))).isEqualTo(DoraBand.MEDIUM);
        // change failure rate: the low cluster's 64 % and anything above medium's 15 %
        assertThat(DoraBand.changeFailureRate(0.64)).isEqualTo(DoraBand.LOW);
        assertThat(DoraBand.changeFailureRate(0.20)).isEqualTo(DoraBand.LOW);
    }

    @Test
    void changeFailureRateBandsAtFiveTenFifteenPercent() {
        assertThat(DoraBand.changeFailureRate(0.05)).isEqualTo(DoraBand.ELITE);
        assertThat(DoraBand.changeFailureRate(0.10)).isEqualTo(DoraBand.HIGH);
        assertThat(DoraBand.changeFailureRate(0.15)).isEqualTo(DoraBand.MEDIUM);
        assertThat(DoraBand.changeFailureRate(0.16)).isEqualTo(DoraBand.LOW);
        assertThat(DoraBand.LOW.label()).isEqualTo("low");
    }

    @Test
    void medianAveragesTheMiddlePairAndP90IsNearestRank() {
        List<Duration> odd = List.of(Duration.ofMinutes(9), Duration.ofMinutes(1), Duration.ofMinutes(5));
        assertThat(Percentiles.median(odd)).isEqualTo(Duration.ofMinutes(5));
        List<Duration> even = List.of(Duration.ofMinutes(4), Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(10));
        assertThat(Percentiles.median(even)).isEqualTo(Duration.ofMinutes(3));
        assertThat(Percentiles.nearestRank(even, 90)).isEqualTo(Duration.ofMinutes(10));
        assertThat(Percentiles.nearestRank(odd, 50)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Percentiles.median(List.of())).isNull();
        assertThat(Percentiles.nearestRank(List.of(), 90)).isNull();
    }
}
