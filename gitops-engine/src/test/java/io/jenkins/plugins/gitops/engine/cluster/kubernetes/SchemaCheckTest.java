package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.cluster.kubernetes.SchemaCheck.Category;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.SchemaCheck.Problem;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {

    private static List<Problem> problems(String file, String kind) {
        Resource r = Fixtures.state(file).resources().stream().filter(x -> x.kind().equals(kind)).findFirst().orElseThrow();
        return SchemaCheck.check(r.manifest());
    }

    @Test
    void typeErrorsAnApiServerRefusesAreFoundWithTheirFieldPaths() {
        assertThat(problems("schema/type-errors.yaml", "Deployment")).extracting(Problem::toString).containsExactly(
                "spec.replicas: expected integer (int32), got the string \"2\"; remove the quotes: 2",
                "spec.template.spec.containers[0].env[0].value: expected string, got the number 8080; quote it: \"8080\"",
                "spec.template.spec.containers[0].ports[0].containerPort: expected integer (int32), got the string"
                        + " \"8080\"; remove the quotes: 8080",
                "spec.template.spec.containers[0].imagePullPolicyy: unknown field \"imagePullPolicyy\" (the Container"
                        + " schema has no such field; check its spelling and indentation)",
                "spec.template.spec.containers[1].name: required field is missing");
        assertThat(problems("schema/type-errors.yaml", "Deployment")).extracting(Problem::category).containsExactly(
                Category.TYPE, Category.TYPE, Category.TYPE, Category.UNKNOWN_FIELD, Category.REQUIRED);
    }

    @Test
    void configMapDataMustBeStringsAndSecretDataBase64WithoutQuotingSecretValues() {
        assertThat(problems("schema/type-errors.yaml", "ConfigMap")).extracting(Problem::toString).containsExactly(
                "data[settings]: expected a string, got a mapping; ConfigMap data values are strings: write the content"
                        + " as a block string (settings: |) or generate it from a file");
        List<Problem> secret = problems("schema/type-errors.yaml", "Secret");
        assertThat(secret).extracting(Problem::toString).containsExactly("data[password]: is not valid base64 (data"
                + " values are base64-encoded; put plain text under stringData instead)");
        assertThat(secret.get(0).category()).isEqualTo(Category.BASE64);
        assertThat(secret.toString()).doesNotContain("not base64!");
    }

    @Test
    void validObjectsOfEveryShapePassAndCustomResourcesAreLeftToTheServer() {
        for (Resource r : Fixtures.state("schema/valid.yaml").resources()) {
            assertThat(SchemaCheck.check(r.manifest())).as(r.describe()).isEmpty();
        }
    }

    @Test
    void base64IsCheckedAsGoDecodesByteSlices() {
        assertThat(SchemaCheck.isBase64("czNjcjN0")).isTrue();
        assertThat(SchemaCheck.isBase64("czNjcjN0czNj\ncjN0\n")).isTrue();
        assertThat(SchemaCheck.isBase64("czNjcjM")).isFalse(); // unpadded: Go's StdEncoding refuses it
        assertThat(SchemaCheck.isBase64("s3cr3t!!")).isFalse();
    }

    @Test
    void aSecretStringDataValueThatIsNotAStringIsNotFoldedButReportedWithoutItsValue() {
        java.util.Map<String, Object> secret = new java.util.LinkedHashMap<>(java.util.Map.of("apiVersion", "v1",
                "kind", "Secret", "metadata", java.util.Map.of("name", "smtp")));
        secret.put("stringData", new java.util.LinkedHashMap<>(java.util.Map.of("port", 2525)));
        Resource r = Resource.ofManifest(secret, "environments/dev/smtp.yaml");
        java.util.Map<String, Object> prepared = r.mutableManifest();
        SecretData.foldStringData(r.key(), prepared);
        assertThat(SchemaCheck.check(prepared)).extracting(Problem::toString)
                .containsExactly("stringData[port]: expected string, got a number; quote it");
    }
}
