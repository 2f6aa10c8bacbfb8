package io.jenkins.plugins.gitops.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class DurationsTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({
        "500ms, 500",
        "30s, 30000",
        "5m, 300000",
        "1h, 3600000",
        "1h30m, 5400000",
        "3m0s, 180000",
        "1.5h, 5400000",
        "1m30s500ms, 90500",
        "' 2s ', 2000",
        "0, 0",
        "0s, 0",
        ".5s, 500",
        "90m, 5400000"
    })
    void parses(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void parsesSubMillisecondUnits() {
        assertThat(Durations.parse("1ms250us")).isEqualTo(Duration.ofNanos(1_250_000));
        assertThat(Durations.parse("3µs")).isEqualTo(Duration.ofNanos(3_000));
        assertThat(Durations.parse("7ns")).isEqualTo(Duration.ofNanos(7));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "PT5M, 5m",
        "PT1H30M, 1h30m",
        "PT0.5S, 500ms",
        "PT1.5S, 1s500ms",
        "PT3M, 3m",
        "PT26H, 26h",
        "PT0S, 0s",
        "PT0.000001001S, 1us1ns",
        "PT-5M, -5m"
    })
    void formatsShortestForm(String iso, String expected) {
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1h30m", "500ms", "3m", "26h59m59s999ms", "1us", "2h0m1s"})
    void formatReadsBack(String text) {
        Duration d = Durations.parse(text);
        assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
    }

    @Test
    void refusesWithTheSyntaxInTheMessage() {
        assertThatThrownBy(() -> Durations.parse("5 minutes")).isInstanceOf(InvalidInputException.class)
                .hasMessage("'5 minutes' is not a duration: use a number and a unit (ms, s, m, h), e.g. 500ms, 30s, 5m, 1h30m");
        assertThatThrownBy(() -> Durations.parse("5M")).hasMessageContaining("'5M' is not a duration");
        assertThatThrownBy(() -> Durations.parse("1d")).hasMessageContaining("'1d' is not a duration");
        assertThatThrownBy(() -> Durations.parse("m")).hasMessageContaining("'m' is not a duration");
        assertThatThrownBy(() -> Durations.parse("300")).hasMessage("'300' has no unit: write 300s, 300m or 300ms");
        assertThatThrownBy(() -> Durations.parse("-5m")).hasMessage("'-5m' is negative; durations must be zero or more");
        assertThatThrownBy(() -> Durations.parse(" ")).hasMessageStartingWith("empty duration");
        assertThatThrownBy(() -> Durations.parse(null)).hasMessageStartingWith("empty duration");
        assertThatThrownBy(() -> Durations.parse("99999999999999h")).hasMessage("'99999999999999h' is too long a duration");
        assertThatThrownBy(() -> Durations.parse("x".repeat(5000))).hasMessage("'" + "x".repeat(40)
                + "...' is not a duration: use a number and a unit (ms, s, m, h), e.g. 500ms, 30s, 5m, 1h30m");
    }
}
