package io.jenkins.plugins.gitops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jenkins.plugins.gitops.engine.api.EnvironmentStatus;
import io.jenkins.plugins.gitops.engine.model.SyncWindow;
import io.jenkins.plugins.gitops.engine.window.WindowState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The deployment windows of {@code gitops status} (docs/windows.md), as text lines and as JSON. */
final class WindowText {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    private WindowText() {
    }

    /** {@code windows:       open until 2026-03-27 18:00 CET (Europe/Berlin)}, plus manual operations when they differ. */
    static List<String> lines(WindowState window) {
        if (!window.hasWindows()) {
            return List.of("windows:       none (always open)");
        }
        String automatic = window.describe(false);
        String manual = window.describe(true);
        if (automatic.equals(manual)) {
            return List.of("windows:       " + automatic);
        }
        return List.of("windows:       automatic syncs " + automatic, "               manual operations " + manual);
    }

    /** The status as JSON fields plus {@code window: {automatic: {open, reason, nextChange}, manual: {...}, active}}. */
    static Map<String, Object> withWindow(EnvironmentStatus status, WindowState window) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = new LinkedHashMap<>(MAPPER.convertValue(status, Map.class));
        Map<String, Object> windows = new LinkedHashMap<>();
        windows.put("hasWindows", window.hasWindows());
        windows.put("automatic", kind(window, false));
        windows.put("manual", kind(window, true));
        windows.put("active", window.active().stream().map(SyncWindow::name).toList());
        json.put("window", windows);
        return json;
    }

    private static Map<String, Object> kind(WindowState window, boolean manual) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("open", window.open(manual));
        out.put("reason", window.reason(manual));
        out.put("nextChange", window.nextChange(manual) == null ? null : window.nextChange(manual).toOffsetDateTime().toString());
        out.put("timeZone", window.nextChange(manual) == null ? null : window.nextChange(manual).getZone().getId());
        return out;
    }
}
