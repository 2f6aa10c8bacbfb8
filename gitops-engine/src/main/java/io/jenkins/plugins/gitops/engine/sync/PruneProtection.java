package io.jenkins.plugins.gitops.engine.sync;

import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Annotations on a live object that keep it from ever being pruned, so a repository moves over from Argo CD,
 * Flux or Helm unchanged: Argo CD's {@code argocd.argoproj.io/sync-options} {@code Prune=false} (and
 * {@code Delete=false}: every delete this product does is a prune), Flux's
 * {@code kustomize.toolkit.fluxcd.io/prune: disabled}, Helm's {@code helm.sh/resource-policy: keep}, and our
 * {@code gitops.jenkins.io/prune: disabled}. Read from the live object, as Argo CD does, since that is what
 * was last applied from Git.
 */
public final class PruneProtection {
    private PruneProtection() {
    }

    /** Why the object must not be pruned ({@code argocd.argoproj.io/sync-options: Prune=false}), or empty. */
    public static Optional<String> reason(Resource live) {
        Map<String, String> annotations = live.annotations();
        String options = annotations.get(Labels.ARGOCD_SYNC_OPTIONS);
        if (options != null) {
            for (String option : Arrays.stream(options.split(",")).map(String::strip).toList()) {
                if (option.equals("Prune=false") || option.equals("Delete=false")) {
                    return Optional.of(Labels.ARGOCD_SYNC_OPTIONS + ": " + option);
                }
            }
        }
        for (String key : new String[] {Labels.FLUX_PRUNE, Labels.PRUNE}) {
            if (Labels.PRUNE_DISABLED.equals(annotations.get(key))) {
                return Optional.of(key + ": " + Labels.PRUNE_DISABLED);
            }
        }
        if ("keep".equals(annotations.get(Labels.HELM_RESOURCE_POLICY))) {
            return Optional.of(Labels.HELM_RESOURCE_POLICY + ": keep");
        }
        return Optional.empty();
    }
}
