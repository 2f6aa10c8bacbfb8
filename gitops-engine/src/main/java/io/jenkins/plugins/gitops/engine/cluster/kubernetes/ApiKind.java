package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** One kind as the API serves it: where it lives (group/version/plural) and whether it is namespaced. */
public record ApiKind(String group, String version, String kind, String plural, boolean namespaced) {

    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code Deployment (apps/v1)}: how messages name a kind. */
    String describe() {
        return kind + " (" + apiVersion() + ")";
    }

    public ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(namespaced).build();
    }

    static String groupOf(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    static String versionOf(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }
}
