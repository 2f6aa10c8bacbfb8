package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
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
