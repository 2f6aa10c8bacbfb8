package io.jenkins.plugins.gitops.engine.model;

import java.util.List;

/**
 * The sync wave of an object: {@code gitops.jenkins.io/sync-wave}, else Argo CD's
 * {@code argocd.argoproj.io/sync-wave}, else Helm's {@code helm.sh/hook-weight} (Argo CD's
 * {@code syncwaves.Wave}), else 0. A malformed value of our own annotation is an error; Argo CD ignores a
 * malformed value of its or Helm's annotation, and so does this, with a warning. Checked when an environment is
 * rendered (so render, diff and sync refuse alike) and read again by the sync planner.
 */
public final class Waves {
    private Waves() {
    }

    /** The wave of {@code desired}; a malformed value goes to {@code problems} (ours) or {@code warnings} (Argo CD's, Helm's). */
    public static int of(Resource desired, List<String> problems, List<String> warnings) {
        var annotations = desired.annotations();
        String own = annotations.get(Labels.SYNC_WAVE);
        if (own != null) {
            try {
                return Integer.parseInt(own.strip());
            } catch (NumberFormatException e) {
                problems.add(desired.describe() + ": annotation " + Labels.SYNC_WAVE + " is '" + own
                        + "'; it must be a whole number such as -1, 0 or 5");
                return 0;
            }
        }
        for (String key : List.of(Labels.ARGOCD_SYNC_WAVE, Hook.HELM_HOOK_WEIGHT)) {
            String value = annotations.get(key);
            if (value != null) {
                try {
                    return Integer.parseInt(value.strip());
                } catch (NumberFormatException e) {
                    warnings.add(desired.describe() + ": annotation " + key + " is '" + value
                            + "', not a whole number; ignored as Argo CD ignores it");
                }
            }
        }
        return 0;
    }

    /** Whether any wave annotation is set (a CRD without one is applied before every wave). */
    public static boolean explicit(Resource desired) {
        var annotations = desired.annotations();
        return annotations.containsKey(Labels.SYNC_WAVE) || annotations.containsKey(Labels.ARGOCD_SYNC_WAVE)
                || annotations.containsKey(Hook.HELM_HOOK_WEIGHT);
    }
}
