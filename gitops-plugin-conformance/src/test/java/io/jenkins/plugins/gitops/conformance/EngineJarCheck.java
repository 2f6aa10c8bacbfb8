package io.jenkins.plugins.gitops.conformance;

import com.github.javaparser.ast.ImportDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine jar, which the plugin bundles in {@code WEB-INF/lib} and Jenkins loads, holds only the
 * engine: no class of it imports test scaffolding (fabric8's mock server, the project's own
 * {@code gitops-testkit}, JUnit, AssertJ), and its pom declares such libraries only in {@code test}
 * scope. The in-process Kubernetes API and the controller stand-in live in {@code gitops-testkit}.
 */
final class EngineJarCheck {
    /** Package prefixes of test scaffolding. */
    static final List<String> SCAFFOLDING = List.of("io.fabric8.mockwebserver.", "io.fabric8.kubernetes.client.server.mock.",
            "io.jenkins.plugins.gitops.testkit.", "org.junit.", "org.assertj.", "okhttp3.mockwebserver.");
    /** Artifacts that may appear in the engine's pom only with {@code <scope>test</scope>}. */
    static final Set<String> TEST_ONLY_ARTIFACTS = Set.of("kubernetes-server-mock", "mockwebserver", "gitops-testkit",
            "junit-jupiter", "assertj-core");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");
    private static final Pattern SCOPE = Pattern.compile("<scope>\\s*([^<\\s]+)\\s*</scope>");

    private final SourceModel engine;
    private final Path pom;

    EngineJarCheck(SourceModel engine, Path pom) {
        this.engine = engine;
        this.pom = pom;
    }

    List<String> run() {
        Set<String> problems = new LinkedHashSet<>();
        for (SourceModel.Type type : engine.types()) {
            for (ImportDeclaration imported : type.unit().getImports()) {
                String name = imported.getNameAsString() + ".";
                SCAFFOLDING.stream().filter(name::startsWith).findFirst().ifPresent(prefix -> problems.add(
                        type.file().getFileName() + ": imports " + imported.getNameAsString() + ", test scaffolding"
                                + " that belongs in gitops-testkit or the tests, not in the engine jar Jenkins loads"));
            }
        }
        problems.addAll(pomProblems());
        return new ArrayList<>(problems);
    }

    private List<String> pomProblems() {
        if (!Files.isRegularFile(pom)) {
            return List.of();
        }
        String text;
        try {
            text = Files.readString(pom).replaceAll("(?s)<!--.*?-->", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        Matcher dependency = DEPENDENCY.matcher(text.replaceAll("(?s)<dependencyManagement>.*?</dependencyManagement>", ""));
        while (dependency.find()) {
            Matcher artifact = ARTIFACT.matcher(dependency.group(1));
            Matcher scope = SCOPE.matcher(dependency.group(1));
            if (artifact.find() && TEST_ONLY_ARTIFACTS.contains(artifact.group(1))
                    && !(scope.find() && scope.group(1).equals("test"))) {
                problems.add("gitops-engine/pom.xml: " + artifact.group(1) + " is not in test scope, so it would be"
                        + " bundled with the engine into the plugin; declare <scope>test</scope> or move its users"
                        + " to gitops-testkit");
            }
        }
        return problems;
    }
}
