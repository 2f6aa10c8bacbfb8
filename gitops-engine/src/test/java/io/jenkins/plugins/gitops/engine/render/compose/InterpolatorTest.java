package io.jenkins.plugins.gitops.engine.render.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class InterpolatorTest {
    private final Map<String, String> vars = Map.of("TAG", "1.2", "EMPTY", "", "PASSWORD", "top-secret-value");
    private final Interpolator interpolator = new Interpolator(vars::get, "env/docker-compose.yml");

    @Test
    void substitutesEveryForm() {
        assertThat(interpolator.interpolate("app:${TAG}", "service 'web'")).isEqualTo("app:1.2");
        assertThat(interpolator.interpolate("app:$TAG-x", "w")).isEqualTo("app:1.2-x");
        assertThat(interpolator.interpolate("${MISSING:-dflt}|${EMPTY:-dflt}|${EMPTY-dflt}|${MISSING-d2}", "w"))
                .isEqualTo("dflt|dflt||d2");
        assertThat(interpolator.interpolate("${TAG:?needed}|${EMPTY?set but empty is fine}", "w")).isEqualTo("1.2|");
        assertThat(interpolator.interpolate("${TAG:+yes}|${MISSING:+yes}", "w")).isEqualTo("yes|");
        assertThat(interpolator.interpolate("cost $$5 and $${TAG}", "w")).isEqualTo("cost $5 and ${TAG}");
        assertThat(interpolator.interpolate("${MISSING:-${TAG}}", "w")).isEqualTo("1.2");
    }

    @Test
    void aDefaultOrAlternativeKeepsDoubleDollarsAsDockerStackDeployDoes() {
        assertThat(interpolator.interpolate("${MISSING:-$$x}|${TAG:+$$y}|$$z", "w")).isEqualTo("$$x|$$y|$z");
    }

    @Test
    void unsetVariableWithoutDefaultIsEmptyWithAWarning() {
        assertThat(interpolator.interpolate("x${NOPE}y", "service 'web'")).isEqualTo("xy");
        assertThat(interpolator.warnings()).containsExactly(
                "env/docker-compose.yml: service 'web': variable NOPE is not set; using an empty string");
    }

    @Test
    void requiredVariablesFailWithFileObjectAndVariable() {
        assertThatThrownBy(() -> interpolator.interpolate("${NOPE:?give the tag}", "service 'web'"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("env/docker-compose.yml: service 'web': required variable NOPE is not set (give the tag);"
                        + " set it in the environment's .env file or in gitops.yaml variables");
        assertThatThrownBy(() -> interpolator.interpolate("${EMPTY:?}", "service 'web'"))
                .hasMessageContaining("required variable EMPTY is empty");
        assertThatThrownBy(() -> interpolator.interpolate("${TAG", "service 'web'"))
                .hasMessageContaining("unclosed '${'");
        assertThatThrownBy(() -> interpolator.interpolate("${PASSWORD:x}", "w"))
                .hasMessageContaining("invalid variable reference").hasMessageNotContaining("top-secret-value");
    }
}
