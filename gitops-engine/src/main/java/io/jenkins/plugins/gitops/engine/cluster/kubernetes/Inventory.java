package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.gitops.engine.model.Labels;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The kinds (and namespaces) an environment has objects of, kept in ConfigMap
 * {@code gitops-inventory-<environment>} in the environment's namespace, so that listing live objects
 * for prune also covers kinds that were removed from Git. The ConfigMap carries the managed-by label
 * but not the environment label: it is the target's bookkeeping, never listed as a managed object.
 */
final class Inventory {
    static final String LABEL = "gitops.jenkins.io/inventory";
    static final String KINDS = "kinds";
    static final String NAMESPACES = "namespaces";

    /** What was recorded: kinds as {@code "apps/v1 Deployment"} lines, and the namespaces used. */
    record Entries(Set<String> kinds, Set<String> namespaces) {
        Entries {
            kinds = Set.copyOf(kinds);
            namespaces = Set.copyOf(namespaces);
        }

        static final Entries EMPTY = new Entries(Set.of(), Set.of());

        static String kindLine(ApiKind kind) {
            return kind.apiVersion() + " " + kind.kind();
        }
    }

    private final KubernetesClient client;
    private final String environment;
    private final String namespace;

    Inventory(KubernetesClient client, String environment, String namespace) {
        this.client = client;
        this.environment = environment;
        this.namespace = namespace;
    }

    String name() {
        return "gitops-inventory-" + environment;
    }

    Entries read() {
        ConfigMap map;
        try {
            map = client.configMaps().inNamespace(namespace).withName(name()).get();
        } catch (KubernetesClientException e) {
            throw ApiErrors.failure("read inventory ConfigMap " + namespace + "/" + name(), e, false);
        }
        if (map == null || map.getData() == null) {
            return Entries.EMPTY;
        }
        return new Entries(lines(map.getData().get(KINDS)), lines(map.getData().get(NAMESPACES)));
    }

    /** Creates or replaces the inventory (one write). */
    void write(Entries entries) {
        ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName(name()).withNamespace(namespace)
                .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE).addToLabels(LABEL, environment).endMetadata()
                .withData(Map.of(KINDS, String.join("\n", new TreeSet<>(entries.kinds())),
                        NAMESPACES, String.join("\n", new TreeSet<>(entries.namespaces()))))
                .build();
        try {
            try {
                client.configMaps().inNamespace(namespace).resource(map).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
                // exists: replace its data with one JSON patch (no server-side apply: the in-process API lacks it)
                String patch = Serialization.asJson(List.of(Map.of("op", "add", "path", "/data", "value", map.getData())));
                client.configMaps().inNamespace(namespace).withName(name()).patch(PatchContext.of(PatchType.JSON), patch);
            }
        } catch (KubernetesClientException e) {
            throw ApiErrors.failure("write inventory ConfigMap " + namespace + "/" + name(), e, false);
        }
    }

    private static Set<String> lines(String text) {
        if (text == null) {
            return Set.of();
        }
        return Arrays.stream(text.split("\n")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
