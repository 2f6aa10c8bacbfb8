package io.jenkins.plugins.gitops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"90s,90", "5m,300", "1h30m,5400", "2h,7200", "1d,86400", "120,120", "PT5M,300", "pt1h,3600",
            "' 10m ',600"})
    void parsesTheFormsPeopleWrite(String text, long seconds) {
        assertThat(Durations.parse("timeout", text)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void blankMeansTheEngineDefault() {
        assertThat(Durations.parse("timeout", null)).isNull();
        assertThat(Durations.parse("timeout", "  ")).isNull();
    }

    @Test
    void rejectsTextThatIsNoDurationNamingTheArgumentAndTheFix() {
        assertThatThrownBy(() -> Durations.parse("gitopsSync: timeout", "five minutes"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gitopsSync: timeout")
                .hasMessageContaining("'five minutes'")
                .hasMessageContaining("'5m'");
        assertThatThrownBy(() -> Durations.parse("timeout", "5x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Durations.parse("timeout", "PTxyz")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rejectsZero() {
        assertThatThrownBy(() -> Durations.parse("timeout", "0s")).hasMessageContaining("longer than zero");
    }

    @Test
    void formatsShortly() {
        assertThat(Durations.format(Duration.ofSeconds(5400))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
    }
}
