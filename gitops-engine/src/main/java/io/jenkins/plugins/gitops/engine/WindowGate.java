package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.window.SyncWindows;
import io.jenkins.plugins.gitops.engine.window.WindowClosedException;
import io.jenkins.plugins.gitops.engine.window.WindowState;

/**
 * Applies an environment's deployment windows (docs/windows.md) to the facade's operations, at the engine's clock and
 * with the windows of gitops.yaml on the default branch (today's rules, whatever revision is deployed). Manual
 * operations are refused when closed unless overridden with a reason; automatic ones are deferred by the caller.
 */
final class WindowGate {
    private final EngineContext context;

    WindowGate(EngineContext context) {
        this.context = context;
    }

    /** The windows of the environment now. */
    WindowState state(ProjectConfig config, String environment) {
        config.environment(environment);
        return new SyncWindows(config.windows(environment)).stateAt(context.clock.instant());
    }

    /**
     * Lets a manual {@code operation} (sync, promotion, rollback) of the environment through, before anything is
     * rendered or written. Returns null when the windows are open, or the text to record when they are closed and
     * {@code overrideReason} is given ({@code <reason> (closed: <why>)}); an override is sent as
     * {@code on-window-override} once the deployment that used it is recorded (docs/notifications.md).
     *
     * @throws WindowClosedException when they are closed and no reason is given: names the window, when it opens,
     *                               and how to override
     */
    String checkManual(ProjectConfig config, String environment, String operation, String overrideReason,
            String actor) {
        WindowState state = state(config, environment);
        if (state.manualOpen()) {
            return null;
        }
        if (overrideReason == null || overrideReason.isBlank()) {
            throw new WindowClosedException(ProjectConfig.FILE_NAME + ": " + operation + " of '" + environment
                    + "' refused: deployment window " + state.describe(true) + "; wait for it, or give the reason to deploy"
                    + " anyway with --override-window \"reason\" (Pipeline steps: overrideWindow: 'reason');"
                    + " it is recorded in the history");
        }
        String note = oneLine(overrideReason) + " (closed: " + state.reason(true) + ")";
        context.listener.progress("  deployment window of '" + environment + "' overridden: " + note);
        // on-window-override is sent with the deployment that used the override (SyncOperation), not here
        return note;
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 500 ? line : line.substring(0, 500) + "...";
    }
}
