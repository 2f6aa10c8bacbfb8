package io.jenkins.plugins.gitops.testkit;

import io.jenkins.plugins.gitops.engine.cluster.kubernetes.BuiltInKinds;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.DesiredKinds;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.ApiKind;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * fabric8's CRUD dispatcher plus what it lacks: the API server's rules on writes and {@code dryRun=All}
 * ({@link InProcessStore}), API discovery ({@code /api}, {@code /api/v1},
 * {@code /apis}, {@code /apis/<group>[/<version>]}) for the built-in kinds and for the CRDs stored in it,
 * and a count of requests by verb. The CRUD dispatcher itself answers {@code /apis/<g>/<v>} only for
 * CRDs and only while no object of that group version exists, and nothing for built-in groups.
 */
final class InProcessApiDispatcher extends Dispatcher {
    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    private static final java.util.Set<String> WRITES = java.util.Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Prefix of the count of a write sent with {@code dryRun=All}: {@code DRY_RUN_POST}, {@code DRY_RUN_PATCH}, ... */
    static final String DRY_RUN = "DRY_RUN_";

    private final InProcessStore crud = new InProcessStore();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final String uncountedUserAgent;

    InProcessApiDispatcher(String uncountedUserAgent) {
        this.uncountedUserAgent = uncountedUserAgent;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        String parameters = query < 0 ? "" : path.substring(query + 1);
        String verb = verb(request.getMethod(), bare, parameters);
        boolean write = WRITES.contains(verb);
        boolean dryRun = write && parameter(parameters, "dryRun").equals("All");
        String agent = request.getHeader("User-Agent");
        if (agent == null || !agent.startsWith(uncountedUserAgent)) {
            counts.computeIfAbsent(dryRun ? DRY_RUN + verb : verb, v -> new LongAdder()).increment();
        }
        if ("DISCOVERY".equals(verb)) {
            String body = discovery(bare);
            return body == null ? new MockResponse().setResponseCode(404)
                    : new MockResponse().setResponseCode(200).setBody(body);
        }
        if (write) {
            return crud.write(request, dryRun, parameter(parameters, "fieldValidation").equals("Strict"));
        }
        return crud.dispatch(request);
    }

    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @Override
    public void shutdown() {
        crud.shutdown();
    }

    Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((verb, n) -> out.put(verb, n.sum()));
        return out;
    }

    void resetCounts() {
        counts.clear();
    }

    private String verb(String method, String bare, String query) {
        String upper = method.toUpperCase(java.util.Locale.ROOT);
        if (!"GET".equals(upper)) {
            return upper;
        }
        if (isDiscovery(bare)) {
            return "DISCOVERY";
        }
        if (query.contains("watch=true")) {
            return "WATCH";
        }
        return crud.getKey(bare).containsKey(KubernetesAttributesExtractor.NAME) ? "GET" : "LIST";
    }

    static boolean isDiscovery(String bare) {
        String[] parts = bare.replaceAll("^/+|/+$", "").split("/");
        return bare.equals("/version") || bare.equals("/api") || bare.equals("/api/v1")
                || parts[0].equals("apis") && parts.length <= 3;
    }

    private String discovery(String bare) {
        String[] parts = bare.replaceAll("^/+|/+$", "").split("/");
        if (bare.equals("/version")) {
            return Serialization.asJson(Map.of("major", "1", "minor", "33", "gitVersion", "v1.33.0-in-process",
                    "platform", "in-process"));
        }
        if (bare.equals("/api")) {
            return Serialization.asJson(new APIVersionsBuilder().withVersions("v1").build());
        }
        Map<String, Map<String, List<ApiKind>>> served = served();
        if (bare.equals("/api/v1")) {
            return resourceList("", "v1", served.get("").get("v1"));
        }
        if (parts.length == 1) {
            List<APIGroup> groups = new ArrayList<>();
            served.forEach((group, versions) -> {
                if (!group.isEmpty()) {
                    groups.add(group(group, versions));
                }
            });
            return Serialization.asJson(new APIGroupListBuilder().withGroups(groups).build());
        }
        Map<String, List<ApiKind>> versions = served.get(parts[1]);
        if (versions == null || parts[1].isEmpty()) {
            return null;
        }
        if (parts.length == 2) {
            return Serialization.asJson(group(parts[1], versions));
        }
        List<ApiKind> kinds = versions.get(parts[2]);
        return kinds == null ? null : resourceList(parts[1], parts[2], kinds);
    }

    /** group -> version -> kinds, built-in first, then every stored CRD. */
    private Map<String, Map<String, List<ApiKind>>> served() {
        Map<String, Map<String, List<ApiKind>>> served = new LinkedHashMap<>();
        List<ApiKind> all = new ArrayList<>(BuiltInKinds.ALL);
        all.addAll(storedCrdKinds());
        for (ApiKind kind : all) {
            served.computeIfAbsent(kind.group(), g -> new LinkedHashMap<>())
                    .computeIfAbsent(kind.version(), v -> new ArrayList<>()).add(kind);
        }
        return served;
    }

    @SuppressWarnings("unchecked")
    private List<ApiKind> storedCrdKinds() {
        String body = crud.handleGet(CRDS).getBody().readUtf8();
        Map<String, Object> list = Serialization.unmarshal(body, Map.class);
        List<ApiKind> kinds = new ArrayList<>();
        if (list != null && list.get("items") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> crd) {
                    kinds.addAll(DesiredKinds.fromCrd((Map<String, Object>) crd));
                }
            }
        }
        return kinds;
    }

    private static APIGroup group(String group, Map<String, List<ApiKind>> versions) {
        var builder = new APIGroupBuilder().withName(group);
        versions.keySet().forEach(v -> builder.addToVersions(
                new GroupVersionForDiscoveryBuilder().withGroupVersion(group + "/" + v).withVersion(v).build()));
        String preferred = versions.keySet().iterator().next();
        return builder.withPreferredVersion(new GroupVersionForDiscoveryBuilder()
                .withGroupVersion(group + "/" + preferred).withVersion(preferred).build()).build();
    }

    private static String resourceList(String group, String version, List<ApiKind> kinds) {
        var builder = new APIResourceListBuilder().withGroupVersion(group.isEmpty() ? version : group + "/" + version);
        for (ApiKind kind : kinds) {
            builder.addToResources(new APIResourceBuilder().withName(kind.plural()).withKind(kind.kind())
                    .withNamespaced(kind.namespaced()).withSingularName("")
                    .withVerbs("create", "delete", "get", "list", "patch", "update", "watch").build());
            builder.addToResources(new APIResourceBuilder().withName(kind.plural() + "/status").withKind(kind.kind())
                    .withNamespaced(kind.namespaced()).withSingularName("").withVerbs("get", "patch", "update").build());
        }
        return Serialization.asJson(builder.build());
    }
}
