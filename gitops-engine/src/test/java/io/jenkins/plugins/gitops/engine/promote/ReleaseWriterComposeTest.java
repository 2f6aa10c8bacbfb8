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
import io.jenkins.plugins.gitops.engine.render.compose.ComposeRenderer;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ReleaseWriterComposeTest {
    private static final String DIGEST = "sha256:9b7a5e3d1c2b4f8d2c1b6e0a9f7d3c5b1a2e4f6d8c0b4f6e8d0c9b7a5e3d1c2b";
    private static final Release DEVELOPMENT = new Release(List.of(ImageRef.parse("gitops-test/busybox:1.2.0"),
            ImageRef.parse("registry:5000/medianest/worker:2.1.0")));

    private final ReleaseWriter writer = new ReleaseWriter();

    @Test
    void aVariableTagIsSetInDotEnvKeepingItsComment() {
        ReleaseEdit edit = writer.edit(PromoteFixtures.repo("compose"), "environments/staging", "staging", DEVELOPMENT);

        assertThat(text(edit.files())).isEqualTo(expected("compose", "to-staging", false));
        assertThat(edit.skipped()).containsExactly("registry:5000/medianest/worker:2.1.0: no service of"
                + " environments/staging/docker-compose.yml runs registry:5000/medianest/worker, skipped");
    }

    @Test
    void aMissingDotEnvIsCreated() {
        Map<String, byte[]> files = writer.write(PromoteFixtures.repo("compose"), "environments/production",
                new Release(List.of(ImageRef.parse("gitops-test/busybox:1.2.0"))));

        assertThat(text(files)).isEqualTo(expected("compose", "to-production", false));
    }

    @Test
    void literalImagesAreRewrittenInTheComposeFile() {
        Release release = new Release(List.of(ImageRef.parse("gitops-test/busybox:1.2.0"),
                ImageRef.parse("registry:5000/medianest/worker@" + DIGEST)));

        Map<String, byte[]> files = writer.write(PromoteFixtures.repo("compose"), "environments/development", release);

        assertThat(text(files)).isEqualTo(expected("compose", "to-development", false));
    }

    @Test
    void sameReleaseChangesNothing() {
        assertThat(writer.write(PromoteFixtures.repo("compose"), "environments/staging",
                new Release(List.of(ImageRef.parse("gitops-test/busybox:1.1.0"))))).isEmpty();
        assertThat(writer.write(PromoteFixtures.repo("compose"), "environments/development",
                new Release(List.of(ImageRef.parse("gitops-test/busybox:1.1.0"))))).isEmpty();
    }

    @Test
    void keepsWindowsLineEndingsOfComposeAndDotEnv(@TempDir Path dir) {
        Path repo = PromoteFixtures.copy("compose", dir, true);

        assertThat(text(writer.write(new DirectoryTree(repo), "environments/staging", DEVELOPMENT)))
                .isEqualTo(expected("compose", "to-staging", true));
        Release release = new Release(List.of(ImageRef.parse("gitops-test/busybox:1.2.0"),
                ImageRef.parse("registry:5000/medianest/worker@" + DIGEST)));
        assertThat(text(writer.write(new DirectoryTree(repo), "environments/development", release)))
                .isEqualTo(expected("compose", "to-development", true));
    }

    @Test
    void dotEnvWithoutFinalLineBreakGetsTheNewLineAppended(@TempDir Path dir) throws Exception {
        Path repo = PromoteFixtures.copy("compose", dir, false);
        Files.writeString(repo.resolve("environments/staging/.env"), "LOG_LEVEL=info\r\nexport OTHER=1");

        Map<String, byte[]> files = writer.write(new DirectoryTree(repo), "environments/staging", DEVELOPMENT);

        assertThat(text(files)).containsExactly(
                Map.entry("environments/staging/.env", "LOG_LEVEL=info\r\nexport OTHER=1\r\nAPP_VERSION=1.2.0\r\n"));
    }

    @Test
    void quotedAndExportedValuesKeepTheirForm(@TempDir Path dir) throws Exception {
        Path repo = PromoteFixtures.copy("compose", dir, false);
        Files.writeString(repo.resolve("environments/staging/.env"), "export APP_VERSION=\"1.1.0\" # set by CI\n");

        Map<String, byte[]> files = writer.write(new DirectoryTree(repo), "environments/staging", DEVELOPMENT);

        assertThat(text(files)).containsExactly(
                Map.entry("environments/staging/.env", "export APP_VERSION=\"1.2.0\" # set by CI\n"));
    }

    @Test
    void oneVariableCannotCarryTwoVersions() {
        assertThatThrownBy(() -> writer.write(PromoteFixtures.repo("compose"), "environments/shared-variable",
                DEVELOPMENT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environments/shared-variable/docker-compose.yml: service 'worker'")
                .hasMessageContaining("VERSION would have to be both 1.2.0")
                .hasMessageContaining("use one variable per image");
    }

    @Test
    void aSharedVariableWithOneVersionIsWrittenOnceAndNoted() {
        ReleaseEdit edit = writer.edit(PromoteFixtures.repo("compose"), "environments/shared-variable",
                "shared-variable", new Release(List.of(ImageRef.parse("gitops-test/busybox:2.1.0"))));

        assertThat(text(edit.files())).containsExactly(
                Map.entry("environments/shared-variable/.env", "VERSION=2.1.0\n"));
        assertThat(edit.notes()).singleElement().asString().contains("service 'worker' also uses VERSION");
    }

    @Test
    void theRenderedStagingRunsThePromotedReleaseAfterTheEdit(@TempDir Path dir) throws Exception {
        Path repo = PromoteFixtures.copy("compose", dir, false);
        Path devCompose = repo.resolve("environments/development/docker-compose.yml");
        Files.writeString(devCompose, Files.readString(devCompose).replace("busybox:1.1.0", "busybox:1.3.0"));
        Environment staging = Environment.of("staging", "environments/staging", TargetSpec.swarm("medianest"));
        Environment development = Environment.of("development", "environments/development",
                TargetSpec.swarm("medianest"));
        Release source = Release.of(render(repo, development));
        ReleaseDiff diff = ReleaseDiff.between(source, Release.of(render(repo, staging)));
        assertThat(diff.changes()).containsExactly(
                new ImageChange("gitops-test/busybox", "gitops-test/busybox:1.1.0", "gitops-test/busybox:1.3.0"));
        assertThat(diff.notInTarget()).extracting(ImageRef::name)
                .containsExactly("redis", "registry:5000/medianest/worker");

        PromoteFixtures.apply(repo, writer.write(new DirectoryTree(repo), "environments/staging", diff.toWrite()));

        assertThat(Release.of(render(repo, staging)).images()).containsExactly(ImageRef.parse("gitops-test/busybox:1.3.0"));
    }

    private static DesiredState render(Path repo, Environment environment) {
        return Renderers.standard().with(new ComposeRenderer()).render(new DirectoryTree(repo), environment, Map.of(),
                null);
    }
}
