package io.jenkins.plugins.gitops.engine.cluster.swarm;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.render.compose.StackObjects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live Swarm objects as Resources of the same shape the compose renderer gives desired ones
 * ({@code {metadata, Spec}}), plus server-owned keys outside {@code Spec} ({@link #SERVER_KEYS}).
 * Network IDs in service specs become names again and secret/config IDs are dropped, so that an
 * unchanged desired spec is a subset of the live one.
 */
final class LiveObjects {
    /** Top-level manifest keys the daemon owns; they never count as a difference. */
    static final List<String> SERVER_KEYS = List.of("ID", "Version", "CreatedAt", "UpdatedAt", "UpdateStatus");
    private final Map<String, String> networkNames = new LinkedHashMap<>();

    LiveObjects(List<Map<String, Object>> networks) {
        networks.forEach(n -> networkNames.put(String.valueOf(n.get("Id")), String.valueOf(n.get("Name"))));
    }

    Resource service(Map<String, Object> inspect) {
        Map<String, Object> spec = Manifests.mutableCopy(SwarmTarget.map(inspect.get("Spec")));
        for (Object n : SwarmTarget.list(Manifests.get(spec, "TaskTemplate", "Networks"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> attachment = (Map<String, Object>) n;
            attachment.computeIfPresent("Target", (k, id) -> networkNames.getOrDefault(String.valueOf(id), String.valueOf(id)));
        }
        Map<String, Object> container = SwarmTarget.map(Manifests.get(spec, "TaskTemplate", "ContainerSpec"));
        SwarmTarget.list(container.get("Secrets")).forEach(s -> SwarmTarget.map(s).remove("SecretID"));
        SwarmTarget.list(container.get("Configs")).forEach(c -> SwarmTarget.map(c).remove("ConfigID"));
        return withServerKeys(StackObjects.SERVICE, spec, inspect);
    }

    Resource network(Map<String, Object> inspect) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("Name", inspect.get("Name"));
        spec.put("Driver", inspect.get("Driver"));
        spec.put("Labels", inspect.get("Labels") == null ? Map.of() : inspect.get("Labels"));
        spec.put("Attachable", inspect.get("Attachable"));
        spec.put("Internal", inspect.get("Internal"));
        spec.put("Options", inspect.get("Options") == null ? Map.of() : inspect.get("Options"));
        spec.put("Scope", inspect.get("Scope"));
        if (inspect.get("IPAM") != null) {
            spec.put("IPAM", inspect.get("IPAM"));
        }
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("ID", inspect.get("Id"));
        server.put("CreatedAt", inspect.get("Created"));
        return withServerKeys(StackObjects.NETWORK, spec, server);
    }

    Resource fileObject(String kind, Map<String, Object> inspect) {
        return withServerKeys(kind, Manifests.mutableCopy(SwarmTarget.map(inspect.get("Spec"))), inspect);
    }

    private static Resource withServerKeys(String kind, Map<String, Object> spec, Map<String, Object> inspect) {
        spec.putIfAbsent("Labels", new LinkedHashMap<>());
        Resource base = StackObjects.resource(kind, spec, "");
        Map<String, Object> manifest = base.mutableManifest();
        for (String key : SERVER_KEYS) {
            if (inspect.get(key) != null) {
                manifest.put(key, inspect.get(key));
            }
        }
        return base.withManifest(manifest);
    }
}
