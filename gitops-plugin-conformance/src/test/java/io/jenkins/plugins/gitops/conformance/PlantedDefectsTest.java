package io.jenkins.plugins.gitops.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks fail on a planted instance of each kind of defect. {@code planted/base} is a small plugin
 * repository that conforms; each other folder under {@code planted/} holds the files that, copied over
 * the base, plant one defect. The test asserts the exact problems reported, so a check that stops
 * looking (or reports something else) fails here.
 */
class PlantedDefectsTest {
    @TempDir
    Path repository;

    @Test
    void theBaseConforms() throws Exception {
        plant(null);

        assertThat(new PluginConformance(repository).problems()).isEmpty();
    }

    static Stream<Arguments> defects() {
        return Stream.of(
                Arguments.of("persisted-library-class", List.of(
                        "HelloAction.java: persisted field HelloAction.lastTick holds io.jenkins.plugins.gitops.engine.Clock,"
                                + " which Jenkins' class filter refuses",
                        "HelloAction.java: persisted field HelloAction.savedAt holds java.time.Instant, which Jenkins'"
                                + " class filter refuses",
                        "Note.java: persisted field HelloAction.notes<>.clock holds io.jenkins.plugins.gitops.engine.Clock,"
                                + " which Jenkins' class filter refuses",
                        "META-INF/hudson.remoting.ClassFilter: io.jenkins.plugins.gitops.engine.Renamed is not a class of the"
                                + " plugin or the engine")),
                Arguments.of("jelly-malformed", List.of("io/jenkins/plugins/gitops/HelloAction/index.jelly:5: not well-formed XML")),
                Arguments.of("jelly-unescaped", List.of("io/jenkins/plugins/gitops/HelloAction/index.jelly: does not start"
                        + " with <?jelly escape-by-default='true'?>")),
                Arguments.of("jelly-unknown-field", List.of("io/jenkins/plugins/gitops/HelloStep/config.jelly:"
                        + " field=\"timout\" is neither a @DataBoundConstructor parameter nor a @DataBoundSetter of HelloStep")),
                Arguments.of("jelly-field-without-help", List.of("io/jenkins/plugins/gitops/HelloStep/config.jelly:"
                        + " field=\"retries\" has no help-retries.html beside the view of HelloStep or of a superclass")),
                Arguments.of("jelly-setter-without-getter", List.of("io/jenkins/plugins/gitops/HelloStep/config.jelly:"
                        + " field=\"retries\" has no getter in HelloStep")),
                Arguments.of("docs-unknown-parameter", List.of(
                        "docs/examples/hello.Jenkinsfile:2: hello has no parameter 'timout' (it takes environment, timeout)",
                        "docs/steps.md:6: hello has no parameter 'wait' (it takes environment, timeout)")),
                Arguments.of("terminator-not-public", List.of("Shutdown.java: @Terminator method Shutdown.stop() is in class"
                        + " Shutdown, which is not public")),
                Arguments.of("persisted-record", List.of(
                        "Stamp.java: persisted field HelloAction.stamp holds io.jenkins.plugins.gitops.Stamp, a record",
                        "Stamp.java: persisted field HelloAction.stamp.clock holds io.jenkins.plugins.gitops.engine.Clock,"
                                + " which Jenkins' class filter refuses")),
                Arguments.of("engine-test-scaffolding", List.of(
                        "InProcessApi.java: imports io.fabric8.kubernetes.client.server.mock.KubernetesMockServer, test"
                                + " scaffolding",
                        "gitops-engine/pom.xml: kubernetes-server-mock is not in test scope")),
                Arguments.of("extension-not-public", List.of(
                        "HelloStep.java: @Extension class DescriptorImpl is not public",
                        "HelloStep.java: @Extension class DescriptorImpl is nested but not static")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void eachPlantedDefectIsReported(String defect, List<String> expected) throws Exception {
        plant(defect);

        List<String> problems = new PluginConformance(repository).problems();

        assertThat(problems).hasSameSizeAs(expected);
        for (String start : expected) {
            assertThat(problems).anySatisfy(problem -> assertThat(problem).startsWith(start));
        }
    }

    /** Copies the base plugin into the temporary repository, then the defect's files over it. */
    private void plant(String defect) throws IOException, URISyntaxException {
        copy(fixture("base"));
        if (defect != null) {
            copy(fixture(defect));
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(PlantedDefectsTest.class.getResource("/planted/" + name).toURI());
    }

    private void copy(Path from) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path to = repository.resolve(from.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
