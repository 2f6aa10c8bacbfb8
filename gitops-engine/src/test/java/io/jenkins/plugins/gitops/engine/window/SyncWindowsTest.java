package io.jenkins.plugins.gitops.engine.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.model.SyncWindow;
import io.jenkins.plugins.gitops.engine.model.SyncWindow.Applies;
import io.jenkins.plugins.gitops.engine.model.SyncWindow.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Argo CD's window rules at fixed instants, in Europe/Berlin across its 2026 DST changes (29 March, 25 October). */
class SyncWindowsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static SyncWindow window(int index, Kind kind, String schedule, String duration, Applies applies) {
        return new SyncWindow("environments.production.windows[" + index + "]", kind, schedule,
                Duration.parse("PT" + duration.toUpperCase()), BERLIN, applies);
    }

    private static WindowState at(List<SyncWindow> windows, String instant) {
        return new SyncWindows(windows).stateAt(Instant.parse(instant));
    }

    @Test
    void withoutWindowsEverythingIsOpenAndNothingChanges() {
        WindowState state = at(List.of(), "2026-03-29T01:30:00Z");

        assertThat(state.hasWindows()).isFalse();
        assertThat(state.automaticOpen()).isTrue();
        assertThat(state.manualOpen()).isTrue();
        assertThat(state.nextChange(false)).isNull();
        assertThat(state.describe(true)).isEqualTo("open (no deployment windows)");
    }

    @Test
    void aNightWindowSpanningTheSpringChangeLastsItsElapsedDurationAndEndsAnHourLaterOnTheWallClock() {
        // opens 22:00 CET on Saturday 28 March (21:00Z); 8 hours later it is 07:00 CEST, not 06:00
        List<SyncWindow> night = List.of(window(0, Kind.ALLOW, "0 22 * * *", "8h", Applies.ALL));

        WindowState early = at(night, "2026-03-29T04:30:00Z"); // 06:30 CEST
        assertThat(early.automaticOpen()).isTrue();
        assertThat(early.manualOpen()).isTrue();
        assertThat(early.active()).extracting(SyncWindow::name).containsExactly("environments.production.windows[0]");
        assertThat(early.nextChange(false)).isEqualTo(ZonedDateTime.parse("2026-03-29T07:00+02:00[Europe/Berlin]"));
        assertThat(early.describe(false)).isEqualTo("open until 2026-03-29 07:00 CEST (Europe/Berlin)");

        WindowState after = at(night, "2026-03-29T05:30:00Z"); // 07:30 CEST
        assertThat(after.automaticOpen()).isFalse();
        assertThat(after.manualOpen()).isFalse();
        assertThat(after.reason(true)).startsWith("outside every allow window (allow window environments.production"
                + ".windows[0] (schedule '0 22 * * *' for 8h, Europe/Berlin))");
        assertThat(after.nextChange(true)).isEqualTo(ZonedDateTime.parse("2026-03-29T22:00+02:00[Europe/Berlin]"));
    }

    @Test
    void aNightWindowSpanningTheAutumnChangeEndsAnHourEarlierOnTheWallClock() {
        // opens 22:00 CEST on Saturday 24 October (20:00Z); 8 hours later it is 05:00 CET
        List<SyncWindow> night = List.of(window(0, Kind.ALLOW, "0 22 * * *", "8h", Applies.ALL));

        assertThat(at(night, "2026-10-25T03:30:00Z").automaticOpen()).isTrue(); // 04:30 CET
        WindowState closed = at(night, "2026-10-25T04:30:00Z"); // 05:30 CET
        assertThat(closed.automaticOpen()).isFalse();
        assertThat(at(night, "2026-10-25T03:30:00Z").nextChange(false))
                .isEqualTo(ZonedDateTime.parse("2026-10-25T05:00+01:00[Europe/Berlin]"));
        assertThat(closed.nextChange(false)).isEqualTo(ZonedDateTime.parse("2026-10-25T22:00+01:00[Europe/Berlin]"));
    }

    @Test
    void aTwoOClockDenyWindowIsSkippedInSpringAndOpensTwiceInAutumn() {
        List<SyncWindow> deny = List.of(window(0, Kind.DENY, "0 2 * * *", "30m", Applies.ALL));

        // 29 March: 02:00 never happens, so 01:59 CET is followed by 03:10 CEST without a deny window
        assertThat(at(deny, "2026-03-29T00:59:00Z").automaticOpen()).isTrue();
        assertThat(at(deny, "2026-03-29T01:10:00Z").automaticOpen()).isTrue();
        assertThat(at(deny, "2026-03-28T01:10:00Z").automaticOpen()).isFalse(); // 02:10 CET the day before

        // 25 October: 02:10 CEST and 02:10 CET are both inside, 03:10 CET is not
        assertThat(at(deny, "2026-10-25T00:10:00Z").automaticOpen()).isFalse();
        assertThat(at(deny, "2026-10-25T00:40:00Z").automaticOpen()).isTrue(); // 02:40 CEST, between the passes
        WindowState secondPass = at(deny, "2026-10-25T01:10:00Z");
        assertThat(secondPass.automaticOpen()).isFalse();
        assertThat(secondPass.reason(false)).isEqualTo("inside deny window environments.production.windows[0]"
                + " (schedule '0 2 * * *' for 30m, Europe/Berlin)");
        assertThat(secondPass.describe(false)).isEqualTo("closed: " + secondPass.reason(false)
                + "; opens 2026-10-25 02:30 CET (Europe/Berlin)");
        assertThat(at(deny, "2026-10-25T02:10:00Z").automaticOpen()).isTrue();
    }

    @Test
    void denyWinsOverAllowAndTheNextChangeIsWhenTheDenyEnds() {
        List<SyncWindow> windows = List.of(
                window(0, Kind.ALLOW, "0 8 * * 1-5", "10h", Applies.ALL),  // weekdays 08:00-18:00
                window(1, Kind.DENY, "0 14 * * 5", "4h", Applies.ALL));    // Friday afternoon

        WindowState thursday = at(windows, "2026-10-22T12:00:00Z"); // 14:00 CEST
        assertThat(thursday.automaticOpen()).isTrue();
        assertThat(thursday.manualOpen()).isTrue();

        WindowState friday = at(windows, "2026-10-23T12:30:00Z"); // 14:30 CEST, both open
        assertThat(friday.active()).hasSize(2);
        assertThat(friday.automaticOpen()).isFalse();
        assertThat(friday.manualOpen()).isFalse();
        assertThat(friday.reason(true)).startsWith("inside deny window environments.production.windows[1]");
        // the deny window ends at 18:00, when the allow window ends too: next opening is Monday 08:00 CET
        assertThat(friday.nextChange(true)).isEqualTo(ZonedDateTime.parse("2026-10-26T08:00+01:00[Europe/Berlin]"));

        WindowState saturday = at(windows, "2026-10-24T10:00:00Z");
        assertThat(saturday.automaticOpen()).isFalse();
        assertThat(saturday.reason(false)).startsWith("outside every allow window");
    }

    @Test
    void windowsThatApplyToAutomaticSyncsOnlyLeaveManualOperationsOpen() {
        List<SyncWindow> windows = List.of(
                window(0, Kind.ALLOW, "0 8 * * 1-5", "10h", Applies.AUTOMATIC),
                window(1, Kind.DENY, "0 12 * * *", "1h", Applies.AUTOMATIC));

        WindowState lunch = at(windows, "2026-10-22T10:30:00Z"); // Thursday 12:30 CEST
        assertThat(lunch.automaticOpen()).isFalse();
        assertThat(lunch.manualOpen()).isTrue();
        assertThat(lunch.nextChange(true)).isNull();
        WindowState night = at(windows, "2026-10-22T22:00:00Z");
        assertThat(night.automaticOpen()).isFalse();
        assertThat(night.manualOpen()).isTrue();
        assertThat(night.describe(false)).contains("automatic syncs only");
    }

    @Test
    void aDenyWindowForAllOperationsClosesManualOnesEvenNextToAnAutomaticOnlyDeny() {
        // Argo CD's hasDeny: manual syncs pass only when every active deny window allows them
        List<SyncWindow> windows = List.of(
                window(0, Kind.DENY, "0 12 * * *", "2h", Applies.AUTOMATIC),
                window(1, Kind.DENY, "0 13 * * *", "2h", Applies.ALL));

        assertThat(at(windows, "2026-10-22T10:30:00Z").manualOpen()).isTrue();  // 12:30: only the automatic one
        WindowState both = at(windows, "2026-10-22T11:30:00Z");                // 13:30: both
        assertThat(both.manualOpen()).isFalse();
        assertThat(both.reason(true)).isEqualTo("inside deny window environments.production.windows[1]"
                + " (schedule '0 13 * * *' for 2h, Europe/Berlin)");
        assertThat(both.nextChange(true)).isEqualTo(ZonedDateTime.parse("2026-10-22T15:00+02:00[Europe/Berlin]"));
    }

    @Test
    void anyActiveAllowWindowOpensManualOperationsAsInArgoCd() {
        // an allow window that applies to automatic syncs only still counts as an active allow (Argo CD's canSync)
        List<SyncWindow> windows = List.of(
                window(0, Kind.ALLOW, "0 8 * * *", "2h", Applies.AUTOMATIC),
                window(1, Kind.ALLOW, "0 20 * * *", "2h", Applies.ALL));

        assertThat(at(windows, "2026-10-22T06:30:00Z").manualOpen()).isTrue();  // 08:30 CEST, window 0 active
        WindowState noon = at(windows, "2026-10-22T10:00:00Z");
        assertThat(noon.manualOpen()).isFalse(); // window 1 restricts manual operations and is closed
        assertThat(noon.reason(true)).isEqualTo("outside every allow window (allow window"
                + " environments.production.windows[1] (schedule '0 20 * * *' for 2h, Europe/Berlin))");
    }

    @Test
    void aWindowLongerThanItsPeriodIsAlwaysOpenAndNeverChanges() {
        List<SyncWindow> always = List.of(window(0, Kind.DENY, "* * * * *", "1h", Applies.ALL));

        WindowState state = at(always, "2026-10-25T01:10:00Z");
        assertThat(state.automaticOpen()).isFalse();
        assertThat(state.nextChange(false)).isNull();
        assertThat(state.describe(false)).endsWith("; does not open in the time looked ahead");
    }
}
