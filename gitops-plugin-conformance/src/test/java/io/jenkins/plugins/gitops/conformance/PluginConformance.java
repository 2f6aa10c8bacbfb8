package io.jenkins.plugins.gitops.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of a Jenkins plugin's sources that catch, without Jenkins, what Jenkins would refuse or
 * miss at runtime. Reads a repository laid out like this one: {@code gitops-plugin/src/main/java} and
 * {@code src/main/resources} (the plugin), {@code gitops-engine/src/main/java} (the library it bundles),
 * {@code docs/examples/*.Jenkinsfile}, {@code docs/steps.md} and {@code Jenkinsfile}.
 *
 * <ul>
 * <li>{@link PersistedFieldCheck}: persisted fields hold only classes the class filter accepts;</li>
 * <li>{@link JellyViewCheck}: views are well-formed, escape by default, and their fields are properties with help;</li>
 * <li>{@link StepUsageCheck}: documented Pipelines pass only parameters the steps have;</li>
 * <li>{@link VisibilityCheck}: {@code @Initializer}/{@code @Terminator} methods and extensions are public;</li>
 * <li>{@link EngineJarCheck}: the bundled engine carries no test scaffolding (mock servers, testkit, JUnit).</li>
 * </ul>
 */
final class PluginConformance {
    private final Path repository;

    PluginConformance(Path repository) {
        this.repository = repository;
    }

    /** Every problem found, each naming the file and what to fix; empty when the plugin conforms. */
    List<String> problems() {
        Path plugin = repository.resolve("gitops-plugin/src/main");
        SourceModel sources = SourceModel.parse(List.of(plugin.resolve("java")));
        SourceModel engine = SourceModel.parse(List.of(repository.resolve("gitops-engine/src/main/java")));
        ClassFilterRules rules = ClassFilterRules.of(plugin.resolve("resources"));
        List<String> problems = new ArrayList<>();
        problems.addAll(new PersistedFieldCheck(sources, engine, rules).run());
        problems.addAll(new JellyViewCheck(sources, plugin.resolve("resources")).run());
        problems.addAll(new StepUsageCheck(sources, repository).run());
        problems.addAll(new VisibilityCheck(sources).run());
        problems.addAll(new EngineJarCheck(engine, repository.resolve("gitops-engine/pom.xml")).run());
        return problems;
    }
}
