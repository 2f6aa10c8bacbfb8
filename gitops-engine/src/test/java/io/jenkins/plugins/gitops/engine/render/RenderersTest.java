package io.jenkins.plugins.gitops.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RenderersTest {
    private static final Environment X = Fixtures.kubernetes("x", "environments/x", "x-ns");

    @TempDir
    Path repo;

    /** A format the standard set does not know: a folder with a marker file renders one ConfigMap per line. */
    private static final class MarkerRenderer implements FormatRenderer {
        @Override
        public boolean accepts(SourceTree tree, String directory) {
            return tree.isFile(directory + "/marker.txt");
        }

        @Override
        public Rendering render(SourceTree tree, String directory, Environment environment,
                Map<String, String> variables) {
            String file = directory + "/marker.txt";
            List<Resource> resources = new String(tree.read(file)).lines().map(name -> Resource.ofManifest(
                    Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", name)), file)).toList();
            return new Rendering(resources, List.of("rendered by marker"));
        }
    }

    @Test
    void standardOrderIsKustomizeHelmPlainAndExtrasGoBeforePlain() {
        Renderers renderers = Renderers.standard().with(new MarkerRenderer());

        assertThat(renderers.renderers()).extracting(r -> r.getClass().getSimpleName()).containsExactly(
                "KustomizeRenderer", "HelmRenderer", "MarkerRenderer", "PlainYamlRenderer");
    }

    @Test
    void extraRendererIsChosenBeforePlainYamlForItsFolders() throws IOException {
        write("environments/x/marker.txt", "alpha\nbeta\n");
        write("environments/x/ignored.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: plain}\n");

        DesiredState state = Renderers.standard().with(new MarkerRenderer()).render(new DirectoryTree(repo), X, null,
                "abc");

        assertThat(state.resources()).extracting(Resource::name).containsExactly("alpha", "beta");
        assertThat(state.warnings()).containsExactly("rendered by marker");
    }

    @Test
    void revisionDefaultsToTheTreeDescription() throws IOException {
        write("environments/x/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");

        DesiredState state = Renderers.standard().render(new DirectoryTree(repo), X, Map.of(), null);

        assertThat(state.revision()).startsWith("working tree of ");
    }

    @Test
    void sameNameInOtherNamespacesOrKindsIsNoDuplicateButClusterObjectsTwiceAre() throws IOException {
        write("environments/x/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: other}\n---\n"
                + "apiVersion: v1\nkind: Secret\nmetadata: {name: a}\n---\n"
                + "apiVersion: v1\nkind: Namespace\nmetadata: {name: docs}\n");
        assertThat(Renderers.standard().render(new DirectoryTree(repo), X, Map.of(), "abc").resources()).hasSize(4);

        write("environments/x/b.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: docs}\n");
        InvalidInputException e = catchThrowableOfType(
                () -> Renderers.standard().render(new DirectoryTree(repo), X, Map.of(), "abc"),
                InvalidInputException.class);
        assertThat(e.problems()).containsExactly(
                "environments/x/b.yaml: Namespace 'docs' is defined twice (also in environments/x/a.yaml);"
                        + " remove one of them");
    }

    @Test
    void moreThanTenThousandObjectsAreRefused() throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i <= Renderers.MAX_OBJECTS; i++) {
            yaml.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c").append(i).append("}\n");
        }
        write("environments/x/many.yaml", yaml.toString());

        InvalidInputException e = catchThrowableOfType(
                () -> Renderers.standard().render(new DirectoryTree(repo), X, Map.of(), "abc"),
                InvalidInputException.class);

        assertThat(e).hasMessage("environments/x: renders 10001 objects, more than the limit of 10000; split the"
                + " environment into several environments");
    }

    private void write(String path, String content) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void waveAnnotationsAreCheckedWhenRenderingSoRenderDiffAndSyncRefuseAlike() {
        DirectoryTree tree = new DirectoryTree(Fixtures.resource("render/waves"));

        InvalidInputException e = catchThrowableOfType(() -> Renderers.standard().render(tree, X, null, "abc"),
                InvalidInputException.class);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("own-wave-typo").contains("gitops.jenkins.io/sync-wave is 'abc'")
                .doesNotContain("argo-wave-typo");
        DesiredState argo = Renderers.standard().render(new DirectoryTree(Fixtures.resource("render/waves-argo")), X,
                null, "abc");
        assertThat(argo.warnings()).singleElement().asString().contains("argo-wave-typo")
                .contains("argocd.argoproj.io/sync-wave is 'first', not a whole number; ignored");
    }
}
