package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.model.SyncWindow;
import io.jenkins.plugins.gitops.engine.window.WindowState;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deployment windows of an environment as {@code gitopsStatus} returns them under {@code window}
 * (docs/windows.md): strings, booleans and lists only, like {@link StepResults}.
 */
public final class WindowResults {
    private WindowResults() {
    }

    /**
     * hasWindows, open (automatic syncs), manualOpen, reason and manualReason (null when open), nextChange and
     * manualNextChange (ISO-8601 with offset, or null), timeZone of the next change, active (window names).
     */
    public static Map<String, Object> of(WindowState window) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("hasWindows", window.hasWindows());
        map.put("open", window.automaticOpen());
        map.put("manualOpen", window.manualOpen());
        map.put("reason", window.automaticReason());
        map.put("manualReason", window.manualReason());
        map.put("nextChange", iso(window.automaticChange()));
        map.put("manualNextChange", iso(window.manualChange()));
        map.put("timeZone", window.automaticChange() == null ? null : window.automaticChange().getZone().getId());
        map.put("active", new ArrayList<>(window.active().stream().map(SyncWindow::name).toList()));
        return map;
    }

    private static String iso(ZonedDateTime time) {
        return time == null ? null : time.toOffsetDateTime().toString();
    }
}
