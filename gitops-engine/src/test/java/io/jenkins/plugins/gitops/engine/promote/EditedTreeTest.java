package io.jenkins.plugins.gitops.engine.promote;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.render.Renderers;
import io.jenkins.plugins.gitops.engine.render.compose.ComposeRenderer;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EditedTreeTest {
    private final ReleaseWriter writer = new ReleaseWriter();

    @Test
    void theTargetRendersWithThePromotionBeforeAnythingIsWritten() {
        DirectoryTree repo = PromoteFixtures.repo("compose");
        Release release = new Release(List.of(ImageRef.parse("gitops-test/busybox:1.2.0")));
        Environment production = Environment.of("production", "environments/production", TargetSpec.swarm("medianest"));

        EditedTree edited = new EditedTree(repo, writer.write(repo, "environments/production", release));

        assertThat(edited.list("environments/production")).containsExactly(".env", "docker-compose.yml");
        assertThat(edited.isFile("environments/production/.env")).isTrue();
        assertThat(repo.isFile("environments/production/.env")).isFalse();
        assertThat(Release.of(Renderers.standard().with(new ComposeRenderer()).render(edited, production, Map.of(),
                null))).isEqualTo(release);
    }

    @Test
    void newFoldersAndUnchangedFilesAreVisible() {
        DirectoryTree repo = PromoteFixtures.repo("compose");
        EditedTree edited = new EditedTree(repo, Map.of("environments/new/sub/a.yaml", "a: 1\n".getBytes(
                StandardCharsets.UTF_8)));

        assertThat(edited.isDirectory("environments/new")).isTrue();
        assertThat(edited.list("environments")).contains("new", "staging");
        assertThat(edited.list("environments/new")).containsExactly("sub");
        assertThat(edited.read("environments/staging/.env")).isEqualTo(repo.read("environments/staging/.env"));
        assertThat(new String(edited.read("environments/new/sub/a.yaml"), StandardCharsets.UTF_8)).isEqualTo("a: 1\n");
    }
}
