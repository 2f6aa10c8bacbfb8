package io.jenkins.plugins.gitops.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A replacement that fails on a Secret's value names the field and the problem, never the value. */
@Timeout(60)
class KustomizeSecretMessagesTest {
    @ParameterizedTest
    @ValueSource(strings = {"decode", "index"})
    void replacementErrorsDoNotShowTheSecretValue(String name) {
        InvalidInputException e = catchThrowableOfType(() -> Renderers.standard().render(
                new DirectoryTree(Fixtures.resource("render/kustomize-secret-messages")),
                Fixtures.kubernetes("x", name, "default"), Map.of(), "rev"), InvalidInputException.class);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("kustomization.yaml: replacements[0]").doesNotContain("s3cr3t")
                .doesNotContain("t0ken");
    }
}
