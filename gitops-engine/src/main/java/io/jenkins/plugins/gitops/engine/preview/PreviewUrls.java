package io.jenkins.plugins.gitops.engine.preview;

/**
 * The URL of a Kubernetes preview: {@code https://<host>/} when its Ingress lists the host under
 * {@code tls:}, else {@code http://<host>/}. (Swarm: the port is assigned by the daemon and read back
 * from the live service; see {@code PreviewOperation}.)
 */
public final class PreviewUrls {
    private PreviewUrls() {
    }

    /** The URL with the scheme the preview's Ingress implies. */
    public static String of(Preview preview, boolean tls) {
        return preview.host() == null ? null : (tls ? "https://" : "http://") + preview.host() + "/";
    }
}
