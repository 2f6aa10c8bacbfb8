package io.jenkins.plugins.gitops.engine.promote;

import static io.jenkins.plugins.gitops.engine.promote.PromoteFixtures.expected;
import static io.jenkins.plugins.gitops.engine.promote.PromoteFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ReleaseWriterHelmTest {
    private static final String DIGEST = "sha256:0c9b7a5e3d1c2b4f8d2c1b6e0a9f7d3c5b1a2e4f6d8c0b4f6e8d0c9b7a5e3d1c";

    private final ReleaseWriter writer = new ReleaseWriter();

    @Test
    void setsTheTagInTheValuesFileOfHelmYamlAndCreatesMissingKeys() {
        Release release = new Release(List.of(ImageRef.parse("registry:5000/team/web:1.2.0"),
                ImageRef.parse("docker.io/library/busybox:1.37")));

        Map<String, byte[]> files = writer.write(PromoteFixtures.repo("helm"), "environments/staging", release);

        assertThat(text(files)).isEqualTo(expected("helm", "to-staging", false));
    }

    @Test
    void writesADigestWhereTheChartHasADigestValue() {
        Release release = new Release(List.of(ImageRef.parse("registry:5000/team/web:1.2.0"),
                ImageRef.parse("docker.io/library/busybox:1.37@" + DIGEST)));

        ReleaseEdit edit = writer.edit(PromoteFixtures.repo("helm"), "environments/production", "production", release);

        assertThat(text(edit.files())).isEqualTo(expected("helm", "to-production", false));
        assertThat(edit.notes()).isEmpty();
    }

    @Test
    void aDigestWithoutADigestValueInTheChartIsNoted() {
        ReleaseEdit edit = writer.edit(PromoteFixtures.repo("helm"), "environments/production", "production",
                new Release(List.of(ImageRef.parse("registry:5000/team/web:1.2.0@" + DIGEST))));

        assertThat(text(edit.files()).get("environments/production/values.yaml"))
                .isEqualTo("replicas: 4   # production capacity\nimage:\n  tag: 1.2.0\n");
        assertThat(edit.notes()).containsExactly("environments/production/values.yaml: image has no digest value;"
                + " promoted tag 1.2.0 without digest " + DIGEST);
    }

    @Test
    void chartInTheFolderWritesValuesOfTheEnvironmentAndSkipsUnknownImages() {
        Release release = new Release(List.of(ImageRef.parse("registry:5000/team/web:1.2.0"),
                ImageRef.parse("ghcr.io/other/tool:3")));

        ReleaseEdit edit = writer.edit(PromoteFixtures.repo("helm"), "environments/preview", "preview", release);

        assertThat(text(edit.files())).isEqualTo(expected("helm", "to-preview", false));
        assertThat(edit.skipped()).containsExactly(
                "ghcr.io/other/tool:3: no values of environments/preview set the repository ghcr.io/other/tool, skipped");
    }

    @Test
    void theFolderNameIsTheEnvironmentNameOfTheShortForm() {
        Release release = new Release(List.of(ImageRef.parse("registry:5000/team/web:1.2.0")));

        assertThat(text(writer.write(PromoteFixtures.repo("helm"), "environments/preview", release)))
                .isEqualTo(expected("helm", "to-preview", false));
    }

    @Test
    void withoutAnEnvironmentValuesFileTheFoldersOwnValuesAreEdited() {
        Release release = new Release(List.of(ImageRef.parse("registry:5000/team/web:1.2.0")));

        Map<String, byte[]> files = writer.edit(PromoteFixtures.repo("helm"), "environments/preview", "review", release)
                .files();

        assertThat(text(files)).containsExactly(Map.entry("environments/preview/values.yaml",
                "image:\n  repository: registry:5000/team/web\n  tag: 1.2.0\n"));
    }

    @Test
    void sameReleaseChangesNothing() {
        assertThat(writer.write(PromoteFixtures.repo("helm"), "environments/staging",
                new Release(List.of(ImageRef.parse("registry:5000/team/web:1.1.0"))))).isEmpty();
    }

    @Test
    void keepsWindowsLineEndings(@TempDir Path dir) {
        Path repo = PromoteFixtures.copy("helm", dir, true);
        Release release = new Release(List.of(ImageRef.parse("registry:5000/team/web:1.2.0"),
                ImageRef.parse("docker.io/library/busybox:1.37")));

        assertThat(text(writer.write(new DirectoryTree(repo), "environments/staging", release)))
                .isEqualTo(expected("helm", "to-staging", true));
    }

    @Test
    void anEmptyValuesFileGetsTheKeys(@TempDir Path dir) throws Exception {
        Path repo = PromoteFixtures.copy("helm", dir, false);
        Files.writeString(repo.resolve("environments/production/values.yaml"), "# nothing yet\n");

        Map<String, byte[]> files = writer.write(new DirectoryTree(repo), "environments/production",
                new Release(List.of(ImageRef.parse("registry:5000/team/web:1.2.0"))));

        assertThat(text(files)).containsExactly(
                Map.entry("environments/production/values.yaml", "# nothing yet\nimage:\n  tag: 1.2.0\n"));
    }

    @Test
    void helmYamlWithoutValuesFilesIsRefusedWithTheFix() {
        assertThatThrownBy(() -> writer.write(PromoteFixtures.repo("helm"), "environments/no-values",
                new Release(List.of(ImageRef.parse("registry:5000/team/web:1.2.0")))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("environments/no-values/helm.yaml: lists no values file")
                .hasMessageContaining("values: [values.yaml]");
    }
}
