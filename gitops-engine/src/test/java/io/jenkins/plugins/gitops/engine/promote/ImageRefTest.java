package io.jenkins.plugins.gitops.engine.promote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class ImageRefTest {
    private static final String DIGEST = "sha256:4f8d2c1b6e0a9f7d3c5b1a2e4f6d8c0b9a7e5d3c1b2a4f6e8d0c9b7a5e3d1c2b";

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "nginx, nginx, -, -",
        "nginx:1.27, nginx, 1.27, -",
        "intelgraph/docs-platform:1.4.0-rc.2, intelgraph/docs-platform, 1.4.0-rc.2, -",
        "registry:5000/team/app, registry:5000/team/app, -, -",
        "registry:5000/team/app:2.0, registry:5000/team/app, 2.0, -",
        "localhost:5000/app:latest, localhost:5000/app, latest, -",
        "registry.example.com/docs-platform@" + DIGEST + ", registry.example.com/docs-platform, -, " + DIGEST,
        "registry:5000/team/app:2.0@" + DIGEST + ", registry:5000/team/app, 2.0, " + DIGEST})
    void parsesNameTagAndDigest(String image, String name, String tag, String digest) {
        ImageRef ref = ImageRef.parse(image);

        assertThat(ref).isEqualTo(new ImageRef(name, tag, digest));
        assertThat(ref.toString()).isEqualTo(image);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "app:", ":1.0", "app@", "app@sha256:short", "app:1.0 ", "my app:1", "app:bad/tag",
        "app:-x"})
    void refusesMalformedReferences(String image) {
        assertThatThrownBy(() -> ImageRef.parse(image)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("image");
    }

    @Test
    void versionIsTagAndDigest() {
        assertThat(ImageRef.parse("app:1.0").version()).isEqualTo("1.0");
        assertThat(ImageRef.parse("app@" + DIGEST).version()).isEqualTo("@" + DIGEST);
        assertThat(ImageRef.parse("app:1.0@" + DIGEST).version()).isEqualTo("1.0@" + DIGEST);
        assertThat(ImageRef.parse("app").version()).isEmpty();
        assertThat(ImageRef.parse("app:1.0").withVersion("2.0", null)).hasToString("app:2.0");
    }
}
