package io.jenkins.plugins.gitops.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.model.IgnoreRule;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DifferTest {
    private final Resource desired = Fixtures.resource("diff/deployment-desired.yaml");
    private final Resource defaulted = Fixtures.resource("diff/deployment-live-defaulted.yaml");

    @Test
    void serverDefaultsStatusAndMetadataAreNoDifference() {
        ObjectDiff diff = new Differ(List.of()).diff(desired, defaulted, null, List.of());
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.unified()).isEmpty();
    }

    @Test
    void changedImageIsReportedAtItsPointerAndInTheUnifiedDiff() {
        Map<String, Object> changed = desired.mutableManifest();
        containers(changed).get(0).put("image", "docs/web:1.1.0");
        ObjectDiff diff = new Differ(List.of()).diff(desired.withManifest(changed), defaulted, null, List.of());
        assertThat(diff.changes()).containsExactly(
                new FieldChange("/spec/template/spec/containers/0/image", "docs/web:1.1.0", "docs/web:1.0.0"));
        assertThat(diff.unified()).contains("--- live/Deployment/docs-dev/web", "+++ desired/Deployment/docs-dev/web",
                "-          image: docs/web:1.0.0", "+          image: docs/web:1.1.0");
        assertThat(diff.unified()).doesNotContain("imagePullPolicy", "resourceVersion");
    }

    @Test
    void ignoreRulesSkipPointersForMatchingKindAndName() {
        Map<String, Object> scaled = defaulted.mutableManifest();
        Manifests.ensureMap(scaled, "spec").put("replicas", 7);
        Resource live = defaulted.withManifest(scaled);
        assertThat(new Differ(List.of()).diff(desired, live, null, List.of()).changes()).hasSize(1);
        assertThat(new Differ(List.of(new IgnoreRule("Deployment", "web", List.of("/spec/replicas"))))
                .diff(desired, live, null, List.of()).changes()).isEmpty();
        assertThat(new Differ(List.of(new IgnoreRule("Deployment", "other", List.of("/spec/replicas"))))
                .diff(desired, live, null, List.of()).changes()).hasSize(1);
    }

    @Test
    void fieldRemovedFromGitIsADifferenceWhenItWasLastApplied() {
        Map<String, Object> lastApplied = desired.mutableManifest();
        Manifests.ensureMap(lastApplied, "metadata", "labels").put("tier", "frontend");
        Map<String, Object> live = defaulted.mutableManifest();
        Manifests.ensureMap(live, "metadata", "labels").put("tier", "frontend");
        ObjectDiff diff = new Differ(List.of()).diff(desired, defaulted.withManifest(live), lastApplied, List.of());
        assertThat(diff.changes()).containsExactly(new FieldChange("/metadata/labels/tier", null, "frontend"));
        // a label somebody else set (not in last-applied) is not ours to remove
        assertThat(new Differ(List.of()).diff(desired, defaulted.withManifest(live), desired.mutableManifest(), List.of())
                .changes()).isEmpty();
    }

    @Test
    void listsOfNamedElementsAreMatchedByNameNotPosition() {
        Map<String, Object> two = desired.mutableManifest();
        containers(two).add(Map.of("name", "sidecar", "image", "proxy:1"));
        Map<String, Object> liveTwo = defaulted.mutableManifest();
        containers(liveTwo).add(0, Map.of("name", "sidecar", "image", "proxy:1", "imagePullPolicy", "Always"));
        assertThat(new Differ(List.of()).diff(desired.withManifest(two), defaulted.withManifest(liveTwo), null, List.of())
                .changes()).isEmpty();
    }

    @Test
    void missingObjectIsOneChangeAndTheWholeObjectIsAdded() {
        ObjectDiff diff = new Differ(List.of()).diff(desired, null, null, List.of());
        assertThat(diff.isEmpty()).isFalse();
        assertThat(diff.unified()).contains("+kind: Deployment");
    }

    @Test
    void secretValuesAreNeverShownOnlyThatTheyDiffer() {
        Resource secret = Fixtures.resource("diff/secret-desired.yaml");
        Resource liveSecret = Fixtures.resource("diff/secret-live.yaml");
        ObjectDiff diff = new Differ(List.of()).diff(secret, liveSecret, null, List.of());
        assertThat(diff.changes()).containsExactly(
                new FieldChange("/data/password", Redaction.REDACTED, Redaction.REDACTED_CHANGED));
        String everything = diff.toString() + diff.unified();
        assertThat(everything).doesNotContain("bmV3LXBhc3N3b3JkLTQ0Mg==", "b2xkLXBhc3N3b3JkLTExMQ==", "ZG9jcw==",
                "new-password", "old-password");
        assertThat(diff.unified()).contains("password: <redacted, differs>", "password: <redacted>");
        ObjectDiff created = new Differ(List.of()).diff(secret, null, null, List.of());
        assertThat(created.unified()).doesNotContain("bmV3LXBhc3N3b3JkLTQ0Mg==").contains("<redacted>");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(Map<String, Object> manifest) {
        return (List<Map<String, Object>>) Manifests.get(manifest, "spec", "template", "spec", "containers");
    }

    @Test
    void emptyMapsListsAndNullInGitEqualAbsentLiveFields() {
        Resource withEmpties = Fixtures.resource("diff/deployment-desired-empty-values.yaml");
        ObjectDiff diff = new Differ(List.of()).diff(withEmpties, defaulted, null, List.of());
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.unified()).isEmpty();

        // but an empty list in Git against a live one with elements is a change: the apply empties it
        Map<String, Object> live = defaulted.mutableManifest();
        containers(live).get(0).put("args", List.of("--verbose"));
        assertThat(new Differ(List.of()).diff(withEmpties, defaulted.withManifest(live), null, List.of()).changes())
                .containsExactly(new FieldChange("/spec/template/spec/containers/0/args", List.of(), List.of("--verbose")));
    }

    @Test
    void aFieldSetToNullInGitIsRemovedWhenItWasLastApplied() {
        Map<String, Object> nulled = desired.mutableManifest();
        Manifests.ensureMap(nulled, "metadata", "labels").put("tier", null);
        Map<String, Object> lastApplied = Map.of("metadata", Map.of("labels", Map.of("app", 0, "tier", 0)));
        Map<String, Object> live = defaulted.mutableManifest();
        Manifests.ensureMap(live, "metadata", "labels").put("tier", "frontend");
        assertThat(new Differ(List.of()).diff(desired.withManifest(nulled), defaulted.withManifest(live), lastApplied,
                List.of()).changes()).containsExactly(new FieldChange("/metadata/labels/tier", null, "frontend"));
    }

    @Test
    void longValuesAreAbbreviatedInFieldChangesAndWholeInTheUnifiedDiff() {
        Map<String, Object> annotated = desired.mutableManifest();
        String big = "{\"panels\":[" + "1,".repeat(2_000) + "1]}";
        Manifests.ensureMap(annotated, "metadata", "annotations").put("example.com/dashboard", big);
        ObjectDiff diff = new Differ(List.of()).diff(desired.withManifest(annotated), defaulted, null, List.of());
        assertThat(diff.changes()).containsExactly(new FieldChange("/metadata/annotations/example.com~1dashboard",
                big.substring(0, 80) + "... (" + big.length() + " characters)", null));
        assertThat(diff.unified()).contains(big);
    }
}
