package io.jenkins.plugins.gitops.engine.promote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.render.Renderers;
import io.jenkins.plugins.gitops.engine.render.compose.ComposeRenderer;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ReleaseTest {
    private static final String DIGEST = "sha256:4f8d2c1b6e0a9f7d3c5b1a2e4f6d8c0b9a7e5d3c1b2a4f6e8d0c9b7a5e3d1c2b";

    @Test
    void kustomizeReleaseHasEveryContainerAndInitContainerImageOnce() {
        Release release = Release.of(render(PromoteFixtures.repo("kustomize"),
                Environment.of("production", "environments/production", TargetSpec.kubernetes("docs-prod"))));

        assertThat(release.images()).containsExactly(
                ImageRef.parse("registry.example.com/docs-platform@" + DIGEST),
                ImageRef.parse("registry:5000/team/log-shipper:0.9"));
        assertThat(release.image("registry:5000/team/log-shipper")).contains(
                new ImageRef("registry:5000/team/log-shipper", "0.9", null));
        assertThat(release.image("nginx")).isEmpty();
    }

    @Test
    void cronJobsPodsAndImagesWithoutTagsAreIncluded() {
        Release release = Release.of(render(PromoteFixtures.repo("plain"),
                Environment.of("web", "environments/web", TargetSpec.kubernetes("web"))));

        assertThat(release.images()).containsExactly(ImageRef.parse("nginx:1.27"),
                new ImageRef("registry:5000/team/migrate", null, null), ImageRef.parse("registry:5000/team/worker:2.0"));
    }

    @Test
    void swarmServicesContributeTheirContainerImage() {
        Release release = Release.of(render(PromoteFixtures.repo("compose"),
                Environment.of("staging", "environments/staging", TargetSpec.swarm("medianest"))));

        assertThat(release.images()).containsExactly(ImageRef.parse("gitops-test/busybox:1.1.0"));
    }

    @Test
    void oneImageInTwoVersionsIsRefusedNamingBothObjects() {
        DesiredState state = render(PromoteFixtures.repo("plain"),
                Environment.of("ambiguous", "environments/ambiguous", TargetSpec.kubernetes("web")));

        assertThatThrownBy(() -> Release.of(state)).isInstanceOf(InvalidInputException.class)
                .hasMessage("environments/ambiguous/app.yaml: Deployment 'canary' container 'web' runs nginx:1.28, but"
                        + " environments/ambiguous/app.yaml: Deployment 'web' container 'web' runs nginx:1.27; an"
                        + " environment's release has one version per image, so promoting nginx would be ambiguous:"
                        + " use one version of it in environment 'ambiguous'");
    }

    @Test
    void aReleaseIsSortedAndHasOneVersionPerName() {
        Release release = new Release(List.of(ImageRef.parse("web:2"), ImageRef.parse("app:1"), ImageRef.parse("app:1")));

        assertThat(release.images()).extracting(ImageRef::toString).containsExactly("app:1", "web:2");
        assertThatThrownBy(() -> new Release(List.of(ImageRef.parse("app:1"), ImageRef.parse("app:2"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("app:1 and app:2");
    }

    @Test
    void diffListsChangesSkipsImagesNotInTheTargetAndKeepsEqualOnes() {
        Release from = new Release(List.of(ImageRef.parse("app:1.1"), ImageRef.parse("web@" + DIGEST),
                ImageRef.parse("new-service:1"), ImageRef.parse("db:15")));
        Release to = new Release(List.of(ImageRef.parse("app:1.0"), ImageRef.parse("web:2"), ImageRef.parse("db:15"),
                ImageRef.parse("only-in-target:3")));

        ReleaseDiff diff = ReleaseDiff.between(from, to);

        assertThat(diff.changes()).containsExactly(new ImageChange("app", "app:1.0", "app:1.1"),
                new ImageChange("web", "web:2", "web@" + DIGEST));
        assertThat(diff.notInTarget()).containsExactly(ImageRef.parse("new-service:1"));
        assertThat(diff.skipped()).containsExactly("new-service:1: not in target, skipped");
        assertThat(diff.unchanged()).containsExactly(ImageRef.parse("db:15"));
        assertThat(diff.toWrite().images()).containsExactly(ImageRef.parse("app:1.1"), ImageRef.parse("web@" + DIGEST));
        assertThat(ReleaseDiff.between(to, to).isEmpty()).isTrue();
    }

    private static DesiredState render(DirectoryTree tree, Environment environment) {
        return Renderers.standard().with(new ComposeRenderer()).render(tree, environment, Map.of(), null);
    }
}
