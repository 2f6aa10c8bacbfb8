package io.jenkins.plugins.gitops.conformance;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every argument a documented Pipeline passes to one of the plugin's steps exists on the step: the
 * example Jenkinsfiles ({@code docs/examples/*.Jenkinsfile}), the {@code groovy} blocks of
 * {@code docs/steps.md} and the project's own {@code Jenkinsfile}. A step is a class whose nested
 * descriptor's {@code getFunctionName()} returns the name; its arguments are its data-bound properties
 * (Pipeline's {@code DescribableModel} refuses any other name: "unknown parameter").
 */
final class StepUsageCheck {
    private final SourceModel plugin;
    private final Path repository;
    private final List<String> problems = new ArrayList<>();

    StepUsageCheck(SourceModel plugin, Path repository) {
        this.plugin = plugin;
        this.repository = repository;
    }

    List<String> run() {
        Map<String, DataBoundProperties> steps = steps();
        if (steps.isEmpty()) {
            problems.add("no Pipeline step found in the plugin's sources (a descriptor's getFunctionName returning a name)");
            return problems;
        }
        for (Path file : documents()) {
            String text = read(file);
            String name = repository.relativize(file).toString().replace('\\', '/');
            if (name.endsWith(".md")) {
                groovyBlocks(text).forEach((line, block) -> check(name, block, line, steps));
            } else {
                check(name, text, 1, steps);
            }
        }
        return problems;
    }

    private void check(String file, String script, int firstLine, Map<String, DataBoundProperties> steps) {
        for (GroovyCalls.Call call : GroovyCalls.find(script, List.copyOf(steps.keySet()), firstLine)) {
            DataBoundProperties step = steps.get(call.function());
            for (String argument : call.names()) {
                if (!step.bound().contains(argument)) {
                    problems.add(file + ":" + call.line() + ": " + call.function() + " has no parameter '" + argument
                            + "' (it takes " + String.join(", ", step.bound()) + ")");
                }
            }
        }
    }

    /** Step function name to the properties of the step class around the descriptor that names it. */
    private Map<String, DataBoundProperties> steps() {
        Map<String, DataBoundProperties> steps = new LinkedHashMap<>();
        for (SourceModel.Type type : plugin.types()) {
            for (MethodDeclaration method : type.declaration().getMethodsByName("getFunctionName")) {
                method.findFirst(ReturnStmt.class).flatMap(ReturnStmt::getExpression)
                        .filter(e -> e instanceof StringLiteralExpr).map(e -> ((StringLiteralExpr) e).getValue())
                        .filter(name -> type.outer() != null)
                        .ifPresent(name -> steps.put(name, DataBoundProperties.of(plugin, type.outer())));
            }
        }
        return steps;
    }

    private List<Path> documents() {
        List<Path> documents = new ArrayList<>();
        Path examples = repository.resolve("docs/examples");
        if (Files.isDirectory(examples)) {
            try (Stream<Path> files = Files.list(examples)) {
                files.filter(f -> f.toString().endsWith(".Jenkinsfile")).sorted().forEach(documents::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String file : List.of("docs/steps.md", "Jenkinsfile")) {
            if (Files.isRegularFile(repository.resolve(file))) {
                documents.add(repository.resolve(file));
            }
        }
        return documents;
    }

    /** The fenced {@code groovy} blocks of a Markdown text, by the line their first code line is on. */
    static Map<Integer, String> groovyBlocks(String markdown) {
        Map<Integer, String> blocks = new LinkedHashMap<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().equals("```groovy")) {
                int start = i + 1;
                StringBuilder block = new StringBuilder();
                for (i = start; i < lines.length && !lines[i].trim().equals("```"); i++) {
                    block.append(lines[i]).append('\n');
                }
                blocks.put(start + 1, block.toString());
            }
        }
        return blocks;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
