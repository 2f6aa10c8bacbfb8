package io.jenkins.plugins.gitops.engine.promote;

import static io.jenkins.plugins.gitops.engine.promote.PromoteFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.render.Renderers;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Flow-style lists, keys to remove, string-valued Helm images and compose variables (fixtures in promote/edge). */
@Timeout(30)
class ReleaseWriterEdgeCasesTest {
    private static final Release RELEASE = new Release(List.of(ImageRef.parse("nginx:1.28"),
            ImageRef.parse("registry:5000/agent:2.0")));
    private static final List<String> FOLDERS = List.of("kustomize-flow", "kustomize-both", "helm-string",
            "compose-variables");

    private final ReleaseWriter writer = new ReleaseWriter();

    @Test
    void everyFolderGetsExactlyTheExpectedFiles() {
        Map<String, String> all = new TreeMap<>();
        for (String folder : FOLDERS) {
            all.putAll(text(writer.write(PromoteFixtures.repo("edge"), "environments/" + folder, RELEASE)));
        }

        assertThat(all).isEqualTo(PromoteFixtures.expected("edge", "all", false));
    }

    @Test
    void composeVariablesAreResolvedAndAnUnsupportedFormIsReportedWithoutSecretValues() {
        ReleaseEdit edit = writer.edit(PromoteFixtures.repo("edge"), "environments/compose-variables",
                "compose-variables", RELEASE);

        assertThat(edit.skipped()).containsExactly("registry:5000/agent:2.0: environments/compose-variables/"
                + "docker-compose.yml: service 'legacy' has image '${REGISTRY:-registry:5000}/agent:${AGENT_TAG:+pinned}',"
                + " whose version promotion cannot set; write it as name:${VARIABLE} or name:tag");
        List<String> messages = new ArrayList<>(edit.skipped());
        messages.addAll(edit.notes());
        assertThat(String.join("\n", messages)).doesNotContain("Sup3r-S3cret-Value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kustomize-flow", "kustomize-both"})
    void theEditedKustomizationsRenderTheRelease(String folder, @TempDir Path dir) {
        Path repo = PromoteFixtures.copy("edge", dir, false);
        PromoteFixtures.apply(repo, writer.write(new DirectoryTree(repo), "environments/" + folder, RELEASE));

        Release after = Release.of(Renderers.standard().render(new DirectoryTree(repo),
                Environment.of(folder, "environments/" + folder, TargetSpec.kubernetes("edge")), Map.of(), null));

        assertThat(after).isEqualTo(RELEASE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kustomize-flow", "kustomize-both", "helm-string", "compose-variables"})
    void windowsLineEndingsAreKept(String folder, @TempDir Path dir) {
        Path repo = PromoteFixtures.copy("edge", dir, true);
        Map<String, String> expected = new TreeMap<>(PromoteFixtures.expected("edge", "all", true));
        expected.keySet().removeIf(path -> !path.startsWith("environments/" + folder + "/"));

        assertThat(text(writer.write(new DirectoryTree(repo), "environments/" + folder, RELEASE))).isEqualTo(expected);
    }
}
