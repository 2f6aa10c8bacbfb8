package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ThreeWayPatchTest {

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void removesWhatGitDroppedKeepsWhatOthersSetAndReplacesLists() {
        Map<String, Object> lastApplied = map("metadata", map("labels", map("app", "web", "tier", "frontend")),
                "spec", map("ports", List.of(map("port", 80), map("port", 443))));
        Map<String, Object> desired = map("metadata", map("labels", map("app", "web")),
                "spec", map("ports", List.of(map("port", 8080))));
        Map<String, Object> live = map("metadata", map("labels", map("app", "web", "tier", "frontend", "added-by", "ops"),
                "resourceVersion", "7"), "spec", map("ports", List.of(map("port", 80), map("port", 443)),
                "clusterIP", "10.0.0.1"), "status", map("loadBalancer", map()));

        Map<String, Object> merged = ThreeWayPatch.merged(lastApplied, desired, live);

        assertThat(Manifests.get(merged, "metadata", "labels")).isEqualTo(map("app", "web", "added-by", "ops"));
        assertThat(Manifests.get(merged, "spec", "ports")).isEqualTo(List.of(map("port", 8080)));
        assertThat(Manifests.get(merged, "spec", "clusterIP")).isEqualTo("10.0.0.1");
        assertThat(merged).containsKey("status");
        assertThat(ThreeWayPatch.jsonPatch(live, merged).get(0).toString())
                .isEqualTo("{\"op\":\"replace\",\"path\":\"/metadata/resourceVersion\",\"value\":\"7\"}");
    }

    @Test
    void withoutLastAppliedNothingIsRemovedAndUnchangedGivesNoOperations() {
        Map<String, Object> live = map("metadata", map("labels", map("app", "web", "other", "x")), "data", map("a", 1L));
        Map<String, Object> desired = map("metadata", map("labels", map("app", "web")), "data", map("a", 1));

        Map<String, Object> merged = ThreeWayPatch.merged(null, desired, live);

        assertThat(Manifests.get(merged, "metadata", "labels")).isEqualTo(map("app", "web", "other", "x"));
        assertThat(ThreeWayPatch.jsonPatch(live, merged)).isEmpty();
    }

    @Test
    void managedFieldsOfASecretHoldNoValuesAndDroppedStringDataKeysLeaveData() {
        Resource secret = Resource.ofManifest(map("apiVersion", "v1", "kind", "Secret",
                "metadata", map("name", "db", "namespace", "docs-dev"),
                "stringData", map("password", "hunter2-secret")), "environments/dev/db.yaml");

        Map<String, Object> annotated = ManagedFields.annotate(secret);
        String recorded = (String) Manifests.get(annotated, "metadata", "annotations", ManagedFields.ANNOTATION);
        assertThat(recorded).isEqualTo("{\"stringData\":{\"password\":0}}");

        Resource withoutPassword = Resource.ofManifest(map("apiVersion", "v1", "kind", "Secret",
                "metadata", map("name", "db", "namespace", "docs-dev"), "stringData", map("user", "docs")), "");
        Map<String, Object> forMerge = LastApplied.forMerge(withoutPassword,
                ManagedFields.read(secret.withManifest(annotated)));
        Map<String, Object> live = map("metadata", map("name", "db"), "data", map("password", "aHVudGVyMg==",
                "user", "ZG9jcw=="));
        Map<String, Object> merged = ThreeWayPatch.merged(forMerge, LastApplied.desiredForMerge(withoutPassword), live);
        assertThat(Manifests.get(merged, "data")).isEqualTo(map("user", "ZG9jcw=="));
        assertThat(Manifests.get(merged, "stringData")).isEqualTo(map("user", "docs"));
    }
}
