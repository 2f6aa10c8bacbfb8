package io.jenkins.plugins.gitops.engine.window;

import io.jenkins.plugins.gitops.engine.model.SyncWindow;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The deployment windows of one environment at one instant (docs/windows.md).
 *
 * @param at              the instant evaluated
 * @param hasWindows      whether the environment has any window (without windows everything is always open)
 * @param automaticOpen   whether automatic syncs and self-heal may run now
 * @param manualOpen      whether manual syncs, promotions and rollbacks may run now without an override
 * @param active          the windows open now, in gitops.yaml order
 * @param automaticReason why automatic syncs are closed (null when open)
 * @param manualReason    why manual operations are closed (null when open)
 * @param automaticChange when {@code automaticOpen} changes next, in the zone of the window that changes it; null
 *                        when it does not change within {@link SyncWindows#HORIZON} (or the openings looked at)
 * @param manualChange    the same for {@code manualOpen}
 */
public record WindowState(Instant at, boolean hasWindows, boolean automaticOpen, boolean manualOpen,
        List<SyncWindow> active, String automaticReason, String manualReason, ZonedDateTime automaticChange,
        ZonedDateTime manualChange) {

    /** {@code 2026-03-29 03:00 CEST (Europe/Berlin)}. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    public WindowState {
        active = List.copyOf(active);
    }

    /** The state of an environment without windows: open for everything, forever. */
    public static WindowState always(Instant at) {
        return new WindowState(at, false, true, true, List.of(), null, null, null, null);
    }

    /** Whether an operation of that kind may run now. */
    public boolean open(boolean manual) {
        return manual ? manualOpen : automaticOpen;
    }

    /** Why an operation of that kind may not run now; null when it may. */
    public String reason(boolean manual) {
        return manual ? manualReason : automaticReason;
    }

    /** When the state for that kind of operation changes next; null when not within the horizon. */
    public ZonedDateTime nextChange(boolean manual) {
        return manual ? manualChange : automaticChange;
    }

    /** {@code 2026-03-29 03:00 CEST (Europe/Berlin)}. */
    public static String format(ZonedDateTime time) {
        return time == null ? null : TIME.format(time) + " (" + time.getZone().getId() + ")";
    }

    /**
     * One line for people: {@code closed: inside deny window ...; opens 2026-03-29 06:00 CEST (Europe/Berlin)},
     * or {@code open until ...}, for that kind of operation.
     */
    public String describe(boolean manual) {
        if (!hasWindows) {
            return "open (no deployment windows)";
        }
        ZonedDateTime change = nextChange(manual);
        if (open(manual)) {
            return "open" + (change == null ? "" : " until " + format(change));
        }
        return "closed: " + reason(manual) + (change == null ? "; does not open in the time looked ahead"
                : "; opens " + format(change));
    }
}
