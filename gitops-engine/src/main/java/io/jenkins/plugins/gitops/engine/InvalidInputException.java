package io.jenkins.plugins.gitops.engine;

import java.util.List;

/**
 * Bad input found before anything was written: malformed or unsafe files, unknown keys or kinds,
 * wrong arguments. The command-line tool maps it to exit code 2.
 */
public class InvalidInputException extends GitOpsException {
    private static final long serialVersionUID = 1L;
    private List<String> problems;

    public InvalidInputException(String problem) {
        this(List.of(problem));
    }

    public InvalidInputException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    @Override
    protected void maskDetails(io.jenkins.plugins.gitops.engine.model.Masking masking) {
        problems = problems.stream().map(masking::mask).toList();
    }

    /** Every problem found, one line each; validation reports all of them at once. */
    public List<String> problems() {
        return problems;
    }
}
