package io.jenkins.plugins.gitops.engine.promote;

import static io.jenkins.plugins.gitops.engine.promote.PromoteFixtures.expected;
import static io.jenkins.plugins.gitops.engine.promote.PromoteFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
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
class ReleaseWriterManifestsTest {
    private static final String DIGEST = "sha256:1c2b4f8d2c1b6e0a9f7d3c5b1a2e4f6d8c0b4f6e8d0c9b7a5e3d1c2b9b7a5e3d";
    private static final Release RELEASE = new Release(List.of(ImageRef.parse("nginx:1.28"),
            ImageRef.parse("registry:5000/team/migrate:3.0"), ImageRef.parse("registry:5000/team/worker@" + DIGEST),
            ImageRef.parse("ghcr.io/other/thing:1")));

    private final ReleaseWriter writer = new ReleaseWriter();

    @Test
    void rewritesContainerImagesInEveryManifestKeepingQuotesAndComments() {
        ReleaseEdit edit = writer.edit(PromoteFixtures.repo("plain"), "environments/web", "web", RELEASE);

        assertThat(text(edit.files())).isEqualTo(expected("plain", "to-web", false));
        assertThat(edit.skipped()).containsExactly(
                "ghcr.io/other/thing:1: no container in environments/web runs ghcr.io/other/thing, skipped");
    }

    @Test
    void theDiffIsExactlyTheImageLine() {
        Map<String, byte[]> files = writer.write(PromoteFixtures.repo("plain"), "environments/web", RELEASE);

        for (String file : List.of("environments/web/app.yaml", "environments/web/pods.yaml",
                "environments/web/workers/cron.yml")) {
            String before = new String(PromoteFixtures.repo("plain").read(file), StandardCharsets.UTF_8);
            int changed = file.endsWith("cron.yml") ? 4 : 1;
            PromoteFixtures.assertOnlyLinesChanged(before, new String(files.get(file), StandardCharsets.UTF_8), changed);
        }
    }

    @Test
    void anImageNotInTheTargetChangesNothing() {
        ReleaseEdit edit = writer.edit(PromoteFixtures.repo("plain"), "environments/web", "web",
                new Release(List.of(ImageRef.parse("ghcr.io/other/thing:1"))));

        assertThat(edit.files()).isEmpty();
        assertThat(edit.skipped()).hasSize(1);
    }

    @Test
    void keepsWindowsLineEndings(@TempDir Path dir) {
        Path repo = PromoteFixtures.copy("plain", dir, true);

        assertThat(text(writer.write(new DirectoryTree(repo), "environments/web", RELEASE)))
                .isEqualTo(expected("plain", "to-web", true));
    }

    @Test
    void theRenderedFolderRunsTheReleaseAfterTheEdit(@TempDir Path dir) {
        Path repo = PromoteFixtures.copy("plain", dir, false);
        PromoteFixtures.apply(repo, writer.write(new DirectoryTree(repo), "environments/web", RELEASE));

        Release after = Release.of(Renderers.standard().render(new DirectoryTree(repo),
                Environment.of("web", "environments/web", TargetSpec.kubernetes("web")), Map.of(), null));

        assertThat(after.images()).containsExactly(ImageRef.parse("nginx:1.28"),
                ImageRef.parse("registry:5000/team/migrate:3.0"), ImageRef.parse("registry:5000/team/worker@" + DIGEST));
        assertThat(writer.write(new DirectoryTree(repo), "environments/web", after)).isEmpty();
    }

    @Test
    void aBlockScalarImageIsRefusedNamingTheLine(@TempDir Path dir) throws Exception {
        Path repo = PromoteFixtures.copy("plain", dir, false);
        Files.writeString(repo.resolve("environments/web/app.yaml"),
                "kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: |\n      nginx:1.27\n");

        assertThatThrownBy(() -> writer.write(new DirectoryTree(repo), "environments/web", RELEASE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("environments/web/app.yaml:6: nginx:1.27 is a block scalar");
    }

    @Test
    void aMissingFolderIsNamed() {
        assertThatThrownBy(() -> writer.write(PromoteFixtures.repo("plain"), "environments/nowhere", RELEASE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("environments/nowhere: folder not found");
    }
}
