package io.jenkins.plugins.gitops.engine.preview;

import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.model.Labels;
import java.util.List;

/**
 * The URL of a preview (docs/previews.md#urls). Kubernetes: {@code https://<host>/} when its Ingress lists
 * the host under {@code tls:}, else {@code http://<host>/}. Swarm: the URL of its Traefik router (a label
 * the rewriter put on its services), else {@code http://<host>:<port>/} with the first port the daemon
 * published for its services (by service name), since the routing mesh answers on every node.
 */
public final class PreviewUrls {
    private PreviewUrls() {
    }

    /** The URL with the scheme the preview's Ingress implies. */
    public static String of(Preview preview, boolean tls) {
        return preview.host() == null ? null : (tls ? "https://" : "http://") + preview.host() + "/";
    }

    /** A Swarm preview's URL from its live services; null without a Traefik rule, or without host or port. */
    public static String swarm(Preview preview, List<Target.Endpoint> endpoints) {
        for (Target.Endpoint e : endpoints) {
            String url = e.labels().get(Labels.PREVIEW_URL);
            if (url != null) {
                return url;
            }
        }
        if (preview.host() == null) {
            return null;
        }
        return endpoints.stream().filter(e -> !e.publishedPorts().isEmpty()).findFirst()
                .map(e -> "http://" + preview.host() + ":" + e.publishedPorts().get(0) + "/").orElse(null);
    }
}
