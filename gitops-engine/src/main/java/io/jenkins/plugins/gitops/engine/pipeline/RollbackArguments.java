package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.model.SyncPolicy;
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

    /**
     * A rollback a person starts directly (the job page's button, which has no {@code input} step)
     * into an environment with {@code sync: approval} is their own approval: they must be one of its
     * {@code approvers}, by user id ({@link #actor}) or group. With no approvers listed nobody is
     * named, so it is refused: roll back from a Pipeline whose {@code input} step asks for approval.
     *
     * @param groups the groups {@code actor} belongs to (Jenkins: the security realm's authorities)
     */
    public RollbackArguments checkApprover(ProjectConfig config, List<String> groups) {
        Environment target = config.environment(environment);
        if (target.sync() != SyncPolicy.APPROVAL) {
            return this;
        }
        if (target.approvers().isEmpty()) {
            throw new InvalidInputException("gitops.yaml: environment '" + environment + "' has sync: approval and names"
                    + " no approvers, so it is not rolled back from the job page: roll it back with gitopsRollback in"
                    + " the Pipeline (which does not check approvers: guard it with an input step there), or list"
                    + " approvers (user ids or groups) in gitops.yaml");
        }
        if (!target.isApprover(actor, groups)) {
            throw new InvalidInputException("gitops.yaml: environment '" + environment + "' has sync: approval and '"
                    + actor + "' is not one of its approvers (" + String.join(", ", target.approvers())
                    + "), directly or through a group (" + (groups.isEmpty() ? "none known" : String.join(", ", groups))
                    + "); ask one of them to roll back");
        }
        return this;
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
