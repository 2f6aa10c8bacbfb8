package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The arguments of {@code gitopsRollback}.
 *
 * @param to   {@code previous} (the newest earlier deployment whose release differs from what runs now; none is
 *             an error), a deployment record id, or a commit id
 * @param mode {@link Mode#REVERT} writes a revert commit and syncs it (Git stays the truth);
 *             {@link Mode#DIRECT} applies the recorded revision and pins the environment
 */
public record RollbackArguments(String repository, String environment, String to, Mode mode, String actor) {
    public static final String PREVIOUS = "previous";

    public enum Mode {
        REVERT, DIRECT;

        /** {@code revert} (default for null or blank) or {@code direct}. */
        public static Mode parse(String text) {
            if (text == null || text.isBlank()) {
                return REVERT;
            }
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("gitopsRollback: mode '" + text + "' is unknown; use 'revert' or 'direct'");
            }
        }

        public String stepName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RollbackArguments {
        to = SyncArguments.blankToNull(to) == null ? PREVIOUS : to.trim();
        mode = mode == null ? Mode.REVERT : mode;
    }

    public RollbackArguments validate() {
        List<String> problems = new ArrayList<>();
        Names.checkEnvironment("gitopsRollback", "environment", environment, problems);
        if (to.contains(" ") || to.startsWith("-")) {
            problems.add("gitopsRollback: to '" + to + "' is not 'previous', a deployment record id or a commit id");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return this;
    }
}
