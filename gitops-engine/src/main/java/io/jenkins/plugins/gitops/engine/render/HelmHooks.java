package io.jenkins.plugins.gitops.engine.render;

import java.util.regex.Pattern;

/**
 * Keeps Helm hooks in the output. {@code helm template} through helm-java returns only the release
 * manifest, which leaves out every object Helm classifies as a hook (annotation {@code helm.sh/hook}), so a
 * chart's migration Job would vanish. In the temporary copy of the chart, the annotation key is renamed in
 * templates and values files to a placeholder Helm does not know; after rendering it is renamed back, so the
 * objects carry {@code helm.sh/hook} exactly as the chart wrote it and become sync hooks (see
 * {@link io.jenkins.plugins.gitops.engine.model.Hook}). {@code helm.sh/hook-weight} and
 * {@code helm.sh/hook-delete-policy} are left as they are.
 */
final class HelmHooks {
    static final String PLACEHOLDER = "gitops.jenkins.io/helm-hook-placeholder";
    private static final Pattern KEY = Pattern.compile("helm\\.sh/hook(?![-\\w.])");

    private HelmHooks() {
    }

    /** Chart text (a template or values file) with the hook annotation key hidden from Helm. */
    static String hide(String text) {
        return text.contains("helm.sh/hook") ? KEY.matcher(text).replaceAll(PLACEHOLDER) : text;
    }

    /** Rendered output with the annotation key as the chart wrote it. */
    static String restore(String output) {
        return output.replace(PLACEHOLDER, "helm.sh/hook");
    }
}
