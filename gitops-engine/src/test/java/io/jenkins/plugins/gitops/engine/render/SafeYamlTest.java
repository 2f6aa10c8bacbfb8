package io.jenkins.plugins.gitops.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.render.SafeYaml.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * YAML as Go's YAML reads it. Expected values are what {@code kubectl kustomize} (kustomize v5.5.0,
 * go-yaml v3) printed for the same files, and for compose what go-yaml v3 resolves.
 */
class SafeYamlTest {
    private static byte[] file(String name) throws IOException {
        return Files.readAllBytes(Fixtures.resource("yaml/" + name));
    }

    @Test
    void tabsThatGoTakesAsSeparationWhitespaceAreAccepted() throws IOException {
        List<Object> docs = SafeYaml.loadAll(file("tabs-go-accepts.yaml"), "tabs.yaml");
        assertThat(docs).hasSize(2);
        assertThat(docs.get(0)).isEqualTo(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "after-colon", "labels", Map.of("a", "b", "c", "d")),
                "data", Map.of("quoted", "1", "anchored", "value", "alias", "value")));
        assertThat(docs.get(1)).isEqualTo(Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata",
                Map.of("name", "crlf")));
    }

    @Test
    void aTabUsedAsIndentationIsRefusedWithFileAndLine() {
        assertThatThrownBy(() -> SafeYaml.loadAll(file("tab-indentation.yaml"), "env/app.yaml"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("env/app.yaml:5: invalid YAML: ");
    }

    @Test
    void aTabAfterABlockEntryIsRefusedAsGoRefusesIt() {
        assertThatThrownBy(() -> SafeYaml.loadAll(file("tab-after-dash.yaml"), "env/list.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("env/list.yaml:4: invalid YAML: a tab where YAML needs spaces (tabs cannot indent,"
                        + " nor follow a '-' or '?' entry); indent with spaces");
    }

    @Test
    void aTabInsideABlockScalarIsKeptAsContent() throws IOException {
        Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) SafeYaml.load(file("kubernetes-scalars.yaml"), "s.yaml")).get("data");
        assertThat(data.get("block")).isEqualTo("line\t\n");
    }

    @Test
    void kubernetesScalarsResolveAsKubectlReadsThem() throws IOException {
        Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) SafeYaml.load(file("kubernetes-scalars.yaml"), "s.yaml")).get("data");
        assertThat(data.get("port")).isEqualTo("18022:22");
        assertThat(data.get("time")).isEqualTo("12:30");
        assertThat(data.get("date")).isEqualTo("2001-12-14T00:00:00Z");
        assertThat(data.get("stamp")).isEqualTo("2001-12-14 21:59:43.10 -5");
        assertThat(data.get("binary")).isEqualTo("hi");
        assertThat(data.get("octal")).isEqualTo(493);
        assertThat(data.get("hex")).isEqualTo(31);
        assertThat(data.get("float")).isEqualTo(1000.0);
    }

    @Test
    void goTimestampsBecomeRfc3339AndOthersStayText() {
        Map<?, ?> m = (Map<?, ?>) SafeYaml.load(("a: 2001-12-14t21:59:43.10-05:00\nb: 2001-12-14 21:59:43\n"
                + "c: 2001-12-14T21:59:43Z\nd: 2001-12-14T21:59:43\n").getBytes(StandardCharsets.UTF_8), "t.yaml");
        assertThat(m.get("a")).isEqualTo("2001-12-14T21:59:43.1-05:00");
        assertThat(m.get("b")).isEqualTo("2001-12-14T21:59:43Z");
        assertThat(m.get("c")).isEqualTo("2001-12-14T21:59:43Z");
        assertThat(m.get("d")).isEqualTo("2001-12-14T21:59:43");
    }

    @Test
    void composeScalarsResolveWithTheYaml12CoreSchemaOfGoYamlV3() throws IOException {
        Map<?, ?> env = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) SafeYaml.load(file("compose-scalars.yaml"),
                "compose.yaml", Schema.COMPOSE)).get("services")).get("s")).get("environment");
        assertThat(env.get("PORT")).isEqualTo("18022:22");
        assertThat(env.get("TIME")).isEqualTo("12:30");
        assertThat(env.get("CLOCK")).isEqualTo("1:02:03");
        assertThat(env.get("EXP")).isEqualTo(1000.0);
        assertThat(env.get("VERSION")).isEqualTo(2.0);
        assertThat(env.get("YES")).isEqualTo("yes");
        assertThat(env.get("ON")).isEqualTo("on");
        assertThat(env.get("T")).isEqualTo(true);
        assertThat(env.get("OCTAL")).isEqualTo(493);
        assertThat(env.get("OCTAL_12")).isEqualTo(15);
        assertThat(env.get("HEX")).isEqualTo(31);
        assertThat(env.get("UNDERSCORE")).isEqualTo(1000);
        assertThat(env.get("DATE")).isEqualTo("2001-12-14");
        assertThat(env.get("NULL")).isNull();
        assertThat(env.get("EIGHT")).as("ParseInt refuses 08, the float form takes it").isEqualTo(8.0);
    }

    @Test
    void duplicateKeysAndAliasBombsAreStillRefused() {
        assertThatThrownBy(() -> SafeYaml.load("a: 1\nb:\t2\na: 3\n".getBytes(StandardCharsets.UTF_8), "d.yaml",
                Schema.COMPOSE)).isInstanceOf(InvalidInputException.class).hasMessageContaining("d.yaml:3")
                .hasMessageContaining("duplicate key a");
        StringBuilder bomb = new StringBuilder("a: &a [x, x]\n");
        for (int i = 1; i < 9; i++) {
            String previous = "*" + (char) ('a' + i - 1);
            bomb.append((char) ('a' + i)).append(": &").append((char) ('a' + i)).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        assertThatThrownBy(() -> SafeYaml.load(bomb.toString().getBytes(StandardCharsets.UTF_8), "bomb.yaml"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("alias bomb");
    }
}
