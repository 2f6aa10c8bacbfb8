package io.jenkins.plugins.gitops.engine.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Schedules on the wall clock of Europe/Berlin across its 2026 changes: clocks go forward on Sunday 29 March at
 * 02:00 CET (to 03:00 CEST) and back on Sunday 25 October at 03:00 CEST (to 02:00 CET).
 */
class CronScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aTimeInTheSpringGapNeverMatchesSoTheNightlyTwoOClockIsSkippedThatDay() {
        CronSchedule twoAm = CronSchedule.parse("0 2 * * *");

        // 02:00 CET on Saturday 28 March, then nothing on the 29th (02:00 does not exist), then 02:00 CEST on the 30th
        Instant saturday = twoAm.next(Instant.parse("2026-03-27T23:00:00Z"), BERLIN).orElseThrow();
        assertThat(saturday).isEqualTo(Instant.parse("2026-03-28T01:00:00Z"));
        assertThat(twoAm.next(saturday, BERLIN)).contains(Instant.parse("2026-03-30T00:00:00Z"));
    }

    @Test
    void aTimeInTheAutumnOverlapMatchesInBothPassesAsRobfigCronDoes() {
        CronSchedule twoAm = CronSchedule.parse("0 2 * * *");

        Instant first = twoAm.next(Instant.parse("2026-10-24T22:00:00Z"), BERLIN).orElseThrow();
        assertThat(first).isEqualTo(Instant.parse("2026-10-25T00:00:00Z")); // 02:00 CEST
        Instant second = twoAm.next(first, BERLIN).orElseThrow();
        assertThat(second).isEqualTo(Instant.parse("2026-10-25T01:00:00Z")); // 02:00 CET, the second pass
        assertThat(twoAm.next(second, BERLIN)).contains(Instant.parse("2026-10-26T01:00:00Z"));
        // from inside the second pass, the next match is the next day's
        assertThat(twoAm.next(Instant.parse("2026-10-25T01:30:00Z"), BERLIN))
                .contains(Instant.parse("2026-10-26T01:00:00Z"));
    }

    @Test
    void timesOutsideTheChangesFollowTheZonesOffsetOfThatDay() {
        CronSchedule weekdays = CronSchedule.parse("0 8 * * 1-5");

        assertThat(weekdays.next(Instant.parse("2026-03-27T12:00:00Z"), BERLIN)) // Friday -> Monday 08:00 CEST
                .contains(Instant.parse("2026-03-30T06:00:00Z"));
        assertThat(weekdays.next(Instant.parse("2026-10-23T12:00:00Z"), BERLIN)) // Friday -> Monday 08:00 CET
                .contains(Instant.parse("2026-10-26T07:00:00Z"));
        assertThat(weekdays.next(Instant.parse("2026-10-26T07:00:00Z"), ZoneId.of("UTC")))
                .contains(Instant.parse("2026-10-26T08:00:00Z")); // Monday 08:00 UTC is an hour later
    }

    @Test
    void expressionsOtherThanFiveStandardFieldsAreRefusedWithTheLibrarysReason() {
        assertThatThrownBy(() -> CronSchedule.parse("61 * * * *")).hasMessageContaining("Value 61 not in range [0, 59]");
        assertThatThrownBy(() -> CronSchedule.parse("0 2 * *")).hasMessageContaining("contains 4 parts but we expect one of [5]");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 2 * * ?")).hasMessageContaining("6 parts");
        assertThatThrownBy(() -> CronSchedule.parse(" ")).hasMessage("empty cron expression");
        assertThat(CronSchedule.parse(" 0 22 * * MON-FRI ").expression()).isEqualTo("0 22 * * MON-FRI");
    }
}
