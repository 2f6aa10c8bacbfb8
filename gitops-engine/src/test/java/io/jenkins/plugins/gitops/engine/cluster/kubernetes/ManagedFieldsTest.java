package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagedFieldsTest {

    private static Resource configMap(Map<String, Object> data) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", "v1");
        manifest.put("kind", "ConfigMap");
        manifest.put("metadata", Map.of("name", "many", "namespace", "docs-dev"));
        manifest.put("data", data);
        return Resource.ofManifest(manifest, "environments/dev/many.yaml");
    }

    private static String annotation(Map<String, Object> manifest) {
        return (String) Manifests.get(manifest, "metadata", "annotations", ManagedFields.ANNOTATION);
    }

    @Test
    void recordsFieldNamesAndListShapesButNoValuesNorEmptyOrIdentityFields() {
        Resource web = Fixtures.state("app/web.yaml").resources().get(0);
        assertThat(annotation(ManagedFields.annotate(web))).isEqualTo("{\"metadata\":{\"labels\":{\"app\":0,\"tier\":0}},"
                + "\"spec\":{\"replicas\":0,\"selector\":{\"matchLabels\":{\"app\":0}},\"template\":{\"metadata\":"
                + "{\"labels\":{\"app\":0}},\"spec\":{\"containers\":[{\"name\":0,\"image\":0,\"env\":[{\"name\":0,"
                + "\"value\":0},{\"name\":0,\"value\":0}]}]}}}}");
        Resource empties = Fixtures.state("empty-values/app.yaml").resources().get(0);
        assertThat(annotation(ManagedFields.annotate(empties))).doesNotContain("args", "env", "nodeSelector",
                "tolerations", "annotations");
    }

    @Test
    void largeTreesAreCompressedAndTheSizeIsBoundedByRecordingTheLargestFieldAsAWhole() {
        Map<String, Object> thousand = new LinkedHashMap<>();
        for (int i = 0; i < 1_000; i++) {
            thousand.put("dashboard-" + i + ".json", "{}");
        }
        String compressed = annotation(ManagedFields.annotate(configMap(thousand)));
        assertThat(compressed).startsWith("gz:").hasSizeLessThan(ManagedFields.GZIP_ABOVE * 2);
        assertThat(ManagedFields.read(configMap(thousand).withManifest(ManagedFields.annotate(configMap(thousand)))))
                .isEqualTo(Map.of("data", thousand.keySet().stream().collect(java.util.stream.Collectors.toMap(
                        k -> k, k -> 0))));

        Map<String, Object> huge = new LinkedHashMap<>();
        for (int i = 0; i < 60_000; i++) {
            huge.put(java.util.UUID.nameUUIDFromBytes(("k" + i).getBytes()).toString(), "x");
        }
        String bounded = annotation(ManagedFields.annotate(configMap(huge)));
        assertThat(bounded.length()).isLessThanOrEqualTo(ManagedFields.MAX_BYTES);
        assertThat(ManagedFields.read(configMap(huge).withManifest(ManagedFields.annotate(configMap(huge)))))
                .isEqualTo(Map.of("data", 0));
    }

    @Test
    void aLegacyFullCopyIsReadAsItsFieldsPlusItselfSoTheNextUpdateRemovesIt() {
        Map<String, Object> manifest = new LinkedHashMap<>(configMap(Map.of("A", "1")).manifest());
        manifest.put("metadata", Map.of("name", "many", "namespace", "docs-dev", "annotations", Map.of(
                ManagedFields.LEGACY_ANNOTATION, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":"
                        + "\"many\",\"labels\":{\"app\":\"x\"}},\"data\":{\"A\":\"1\",\"B\":\"2\"}}")));
        assertThat(ManagedFields.read(Resource.ofManifest(manifest, ""))).isEqualTo(Map.of(
                "metadata", Map.of("labels", Map.of("app", 0), "annotations", Map.of(ManagedFields.LEGACY_ANNOTATION, 0)),
                "data", Map.of("A", 0, "B", 0)));
        assertThat(ManagedFields.read(configMap(Map.of()))).isNull();
    }
}
