package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.client.VersionInfo;
import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the API server serves, asked once per group version ({@code GET /api/v1}, {@code /apis/<g>/<v>})
 * and cached for this target. Answers are refreshed after {@link #TTL} and whenever this target wrote a
 * CustomResourceDefinition of that group ({@link #forget}).
 */
final class Discovery {
    static final Duration TTL = Duration.ofMinutes(10);

    /** Discovery could not be asked at all (connection refused, 401/403, 5xx): not the same as "not served". */
    static final class UnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Entry(List<ApiKind> kinds, Instant fetched) {
    }

    private final KubernetesClient client;
    private final Clock clock;
    private final Map<String, Entry> byGroupVersion = new ConcurrentHashMap<>();
    private volatile Capabilities capabilities;

    private record Capabilities(ClusterCapabilities value, Instant fetched) {
    }

    Discovery(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Kinds served under an apiVersion; empty when that group version is not served. */
    List<ApiKind> served(String apiVersion) {
        Entry entry = byGroupVersion.get(apiVersion);
        if (entry == null || entry.fetched().plus(TTL).isBefore(clock.instant())) {
            entry = new Entry(fetch(apiVersion), clock.instant());
            byGroupVersion.put(apiVersion, entry);
        }
        return entry.kinds();
    }

    Optional<ApiKind> find(String apiVersion, String kind) {
        return served(apiVersion).stream().filter(k -> k.kind().equals(kind)).findFirst();
    }

    /** A kind by group only (for reads by key, which carry no version): the group's preferred version. */
    Optional<ApiKind> findInPreferredVersion(String group, String kind) {
        if (group.isEmpty()) {
            return find("v1", kind);
        }
        APIGroup apiGroup;
        try {
            apiGroup = client.getApiGroup(group);
        } catch (KubernetesClientException e) {
            throw new UnavailableException("API discovery of group " + group + " failed: " + reason(e), e);
        }
        if (apiGroup == null || apiGroup.getPreferredVersion() == null) {
            return Optional.empty();
        }
        return find(apiGroup.getPreferredVersion().getGroupVersion(), kind);
    }

    /** Drops cached answers for a group (after a CRD of that group was created, changed or deleted). */
    void forget(String group) {
        byGroupVersion.keySet().removeIf(apiVersion -> ApiKind.groupOf(apiVersion).equals(group));
        capabilities = null;
    }

    /**
     * Everything the server serves, as Helm's {@code .Capabilities} sees it after {@code GET /version},
     * {@code /api}, {@code /apis} and one {@code GET} per group version (Helm's {@code GetVersionSet}:
     * every group version, plus {@code group/version/Kind} per kind). Cached for {@link #TTL}; the per
     * group version answers also fill the cache {@link #find} uses.
     */
    ClusterCapabilities capabilities() {
        Capabilities cached = capabilities;
        if (cached != null && !cached.fetched().plus(TTL).isBefore(clock.instant())) {
            return cached.value();
        }
        String version;
        List<String> groupVersions = new ArrayList<>();
        try {
            VersionInfo info = client.getKubernetesVersion();
            version = info == null ? null : info.getGitVersion();
            APIVersions core = client.getAPIVersions();
            if (core != null && core.getVersions() != null) {
                groupVersions.addAll(core.getVersions());
            }
            APIGroupList groups = client.getApiGroups();
            if (groups != null && groups.getGroups() != null) {
                for (APIGroup group : groups.getGroups()) {
                    group.getVersions().forEach(v -> groupVersions.add(v.getGroupVersion()));
                }
            }
        } catch (KubernetesClientException e) {
            throw new UnavailableException("API discovery failed: " + reason(e), e);
        }
        Set<String> apiVersions = new TreeSet<>();
        Map<String, Boolean> namespaced = new TreeMap<>();
        for (String groupVersion : groupVersions) {
            apiVersions.add(groupVersion);
            for (ApiKind kind : served(groupVersion)) {
                apiVersions.add(groupVersion + "/" + kind.kind());
                namespaced.putIfAbsent(kind.group() + "/" + kind.kind(), kind.namespaced());
            }
        }
        ClusterCapabilities value = new ClusterCapabilities(version, apiVersions, namespaced);
        capabilities = new Capabilities(value, clock.instant());
        return value;
    }

    private List<ApiKind> fetch(String apiVersion) {
        APIResourceList list;
        try {
            list = client.getApiResources(apiVersion);
        } catch (KubernetesClientException e) {
            throw new UnavailableException("API discovery of " + apiVersion + " failed: " + reason(e), e);
        }
        if (list == null || list.getResources() == null) {
            return List.of();
        }
        String group = ApiKind.groupOf(apiVersion);
        String version = ApiKind.versionOf(apiVersion);
        return list.getResources().stream()
                .filter(r -> r.getName() != null && !r.getName().contains("/")) // subresources such as deployments/status
                .map(r -> toKind(group, version, r)).toList();
    }

    /** fabric8 wraps I/O errors as "An error has occurred."; the cause says what happened. */
    private static String reason(KubernetesClientException e) {
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null ? e.getMessage() + " (" + cause.getMessage() + ")"
                : e.getMessage();
    }

    private static ApiKind toKind(String group, String version, APIResource r) {
        return new ApiKind(group, version, r.getKind(), r.getName(), Boolean.TRUE.equals(r.getNamespaced()));
    }
}
