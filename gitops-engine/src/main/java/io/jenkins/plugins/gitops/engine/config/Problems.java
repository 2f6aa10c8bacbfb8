package io.jenkins.plugins.gitops.engine.config;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Errors and warnings found in one file, each as {@code file:line: key.path: message}, sorted by
 * line. Validation goes on after an error so that the user sees every problem at once.
 */
final class Problems {
    private record Problem(int line, String text) {
    }

    private final String file;
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void error(Node at, String path, String message) {
        error(Values.line(at), path, message);
    }

    void error(int line, String path, String message) {
        errors.add(new Problem(line, format(line, path, message)));
    }

    void warn(int line, String path, String message) {
        warnings.add(new Problem(line, format(line, path, message)));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    int errorCount() {
        return errors.size();
    }

    List<String> warnings() {
        return sorted(warnings);
    }

    /** Throws one exception listing every error, if there is any. */
    void throwIfErrors() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(sorted(errors));
        }
    }

    private String format(int line, String path, String message) {
        return file + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }

    private static List<String> sorted(List<Problem> problems) {
        return problems.stream().sorted(Comparator.comparingInt(Problem::line)).map(Problem::text).toList();
    }
}
