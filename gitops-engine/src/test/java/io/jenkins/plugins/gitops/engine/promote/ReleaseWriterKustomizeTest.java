package io.jenkins.plugins.gitops.engine.promote;

import static io.jenkins.plugins.gitops.engine.promote.PromoteFixtures.expected;
import static io.jenkins.plugins.gitops.engine.promote.PromoteFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.render.Renderers;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ReleaseWriterKustomizeTest {
    private static final String DIGEST = "sha256:4f8d2c1b6e0a9f7d3c5b1a2e4f6d8c0b9a7e5d3c1b2a4f6e8d0c9b7a5e3d1c2b";
    private static final Release DEVELOPMENT = new Release(List.of(
            ImageRef.parse("registry.example.com/docs-platform:1.4.0"), ImageRef.parse("registry:5000/team/log-shipper:1.1")));

    private final ReleaseWriter writer = new ReleaseWriter();

    @Test
    void updatesAnEntryKeepingQuotesAndCommentsAndAppendsAnEntryWithThePortRegistry() {
        Map<String, byte[]> files = writer.write(PromoteFixtures.repo("kustomize"), "environments/staging", DEVELOPMENT);

        assertThat(text(files)).isEqualTo(expected("kustomize", "to-staging", false));
    }

    @Test
    void replacesADigestWithATag() {
        Release release = new Release(List.of(ImageRef.parse("registry.example.com/docs-platform:1.4.0")));

        Map<String, byte[]> files = writer.write(PromoteFixtures.repo("kustomize"), "environments/production", release);

        assertThat(text(files)).isEqualTo(expected("kustomize", "tag-to-production", false));
    }

    @Test
    void replacesATagWithADigestKeepingTheLineComment() {
        Release release = new Release(List.of(ImageRef.parse("registry.example.com/docs-platform@" + DIGEST),
                ImageRef.parse("registry:5000/team/log-shipper:1.1")));

        Map<String, byte[]> files = writer.write(PromoteFixtures.repo("kustomize"), "environments/development", release);

        assertThat(text(files)).isEqualTo(expected("kustomize", "digest-to-development", false));
    }

    @Test
    void addsAnImagesListWhenTheKustomizationHasNone() {
        Map<String, byte[]> files = writer.write(PromoteFixtures.repo("kustomize"), "environments/qa", DEVELOPMENT);

        assertThat(text(files)).isEqualTo(expected("kustomize", "to-qa", false));
    }

    @Test
    void sameReleaseChangesNothing() {
        Release current = new Release(List.of(ImageRef.parse("registry.example.com/docs-platform:1.3.2")));

        assertThat(writer.write(PromoteFixtures.repo("kustomize"), "environments/staging", current)).isEmpty();
        assertThat(writer.write(PromoteFixtures.repo("kustomize"), "environments/staging", new Release(List.of())))
                .isEmpty();
    }

    @Test
    void keepsWindowsLineEndings(@TempDir Path dir) {
        Path repo = PromoteFixtures.copy("kustomize", dir, true);

        Map<String, byte[]> files = writer.write(new DirectoryTree(repo), "environments/staging", DEVELOPMENT);

        assertThat(text(files)).isEqualTo(expected("kustomize", "to-staging", true));
        assertThat(text(writer.write(new DirectoryTree(repo), "environments/qa", DEVELOPMENT)))
                .isEqualTo(expected("kustomize", "to-qa", true));
    }

    @Test
    void keepsAByteOrderMark(@TempDir Path dir) throws Exception {
        Path repo = PromoteFixtures.copy("kustomize", dir, false);
        Path file = repo.resolve("environments/staging/kustomization.yaml");
        Files.writeString(file, "\uFEFF" + Files.readString(file));

        Map<String, byte[]> files = writer.write(new DirectoryTree(repo), "environments/staging", DEVELOPMENT);

        assertThat(new String(files.get("environments/staging/kustomization.yaml"), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF" + expected("kustomize", "to-staging", false).get(
                        "environments/staging/kustomization.yaml"));
    }

    @Test
    void theRenderedTargetRunsThePromotedReleaseAfterTheEdit(@TempDir Path dir) {
        Path repo = PromoteFixtures.copy("kustomize", dir, false);
        Environment development = Environment.of("development", "environments/development",
                TargetSpec.kubernetes("docs-dev"));
        Environment production = Environment.of("production", "environments/production",
                TargetSpec.kubernetes("docs-prod"));
        Release source = Release.of(render(repo, development));
        ReleaseDiff diff = ReleaseDiff.between(source, Release.of(render(repo, production)));
        assertThat(diff.changes()).containsExactly(
                new ImageChange("registry.example.com/docs-platform", "registry.example.com/docs-platform@" + DIGEST,
                        "registry.example.com/docs-platform:1.4.0"),
                new ImageChange("registry:5000/team/log-shipper", "registry:5000/team/log-shipper:0.9",
                        "registry:5000/team/log-shipper:1.1"));

        ReleaseEdit edit = writer.edit(new DirectoryTree(repo), "environments/production", "production",
                diff.toWrite());
        PromoteFixtures.apply(repo, edit.files());

        assertThat(edit.skipped()).isEmpty();
        assertThat(Release.of(render(repo, production))).isEqualTo(source);
        assertThat(writer.write(new DirectoryTree(repo), "environments/production", source)).isEmpty();
    }

    @Test
    void anEntryThatRenamesTheImageAwayIsReportedNotDuplicated(@TempDir Path dir) throws Exception {
        Path repo = PromoteFixtures.copy("kustomize", dir, false);
        Files.writeString(repo.resolve("environments/qa/kustomization.yaml"), """
                resources:
                - ../../base
                images:
                - name: registry.example.com/docs-platform
                  newName: mirror.example.com/docs-platform
                """);

        ReleaseEdit edit = writer.edit(new DirectoryTree(repo), "environments/qa", "qa",
                new Release(List.of(ImageRef.parse("registry.example.com/docs-platform:2.0"))));

        assertThat(edit.files()).isEmpty();
        assertThat(edit.skipped()).singleElement().asString().contains("environments/qa/kustomization.yaml")
                .contains("newName");
    }

    @Test
    void refusesImagesThatAreNotAList(@TempDir Path dir) throws Exception {
        Path repo = PromoteFixtures.copy("kustomize", dir, false);
        Files.writeString(repo.resolve("environments/qa/kustomization.yaml"), "resources:\n- ../../base\nimages: nginx\n");

        assertThatThrownBy(() -> writer.write(new DirectoryTree(repo), "environments/qa", DEVELOPMENT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("environments/qa/kustomization.yaml:3: 'images' must be a list of {name, newName, newTag,"
                        + " digest}");
    }

    private static DesiredState render(Path repo, Environment environment) {
        return Renderers.standard().render(new DirectoryTree(repo), environment, Map.of(), null);
    }
}
