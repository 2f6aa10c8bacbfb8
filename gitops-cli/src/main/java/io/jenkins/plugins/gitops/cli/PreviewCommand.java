package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.api.PreviewInfo;
import io.jenkins.plugins.gitops.engine.api.PreviewRequest;
import io.jenkins.plugins.gitops.engine.api.PreviewResult;
import io.jenkins.plugins.gitops.engine.config.Durations;
import io.jenkins.plugins.gitops.engine.config.PreviewAges;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gitops preview create|delete|list|prune [ENV]}: per-change-request copies of an environment
 * (docs/previews.md).
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Previews: a copy of an environment per change request, in its own namespace or stack.",
            "  create ENV --id ID [--set NAME=VALUE]  render, sync, wait healthy, print the URL",
            "  delete ENV --id ID                     delete everything the preview created",
            "  list [ENV]                             previews with age, revision, health and URL",
            "  prune ENV [--older-than 3d]            delete previews idle longer than that (default: preview.ttl)"})
final class PreviewCommand extends RepositoryCommand {
    enum Action { create, delete, list, prune }

    @Parameters(index = "0", paramLabel = "ACTION", description = "create, delete, list or prune")
    Action action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ENV", description = "the environment whose preview: is used")
    String environment;

    @Option(names = "--id", description = "change-request id, e.g. the pull request number 42")
    String id;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "value of a variable preview.variables lists (repeatable)")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--timeout", description = "health wait timeout such as 90s or 5m (default: the environment's)")
    String timeout;

    @Option(names = "--older-than", description = "prune: idle time such as 3d or 72h (default: the environment's preview.ttl)")
    String olderThan;

    @Override
    public Integer call() {
        if (action != Action.list && environment == null) {
            throw new InvalidInputException("gitops preview " + action + ": name the environment, e.g. gitops preview "
                    + action + " development" + (action == Action.prune ? "" : " --id 42"));
        }
        try (GitOps gitOps = gitOps()) {
            return switch (action) {
                case create -> show(gitOps.previewCreate(PreviewRequest.of(environment, requireId())
                        .withRevision(repositoryOptions().revision()).withVariables(variables)
                        .withTimeout(timeout == null ? null : Durations.parse(timeout)).withTrigger("command", actor())));
                case delete -> show(gitOps.previewDelete(environment, requireId()));
                case list -> list(gitOps.previews(environment));
                case prune -> prune(gitOps.previewPrune(environment, olderThan == null ? null : PreviewAges.parse(olderThan)));
            };
        }
    }

    private String requireId() {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("gitops preview " + action + " " + environment + ": give the change request"
                    + " with --id, e.g. --id 42");
        }
        return id;
    }

    private int show(PreviewResult result) {
        if (output == OutputFormat.json) {
            out().println(ResultPrinter.anyJson(result));
        } else {
            ResultPrinter.print(result.sync(), output, false, out());
            out().println(action == Action.delete ? "preview " + result.name() + " deleted"
                    : "preview " + result.name() + (result.url() == null ? " (no URL: set preview.host)" : ": " + result.url()));
        }
        return result.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private int list(List<PreviewInfo> previews) {
        PrintWriter out = out();
        if (output == OutputFormat.json) {
            out.println(ResultPrinter.anyJson(previews));
            return ExitCodes.OK;
        }
        if (previews.isEmpty()) {
            out.println("no previews");
            return ExitCodes.OK;
        }
        Instant now = Instant.now();
        out.printf("%-14s %-6s %-28s %-8s %-8s %-12s %-10s %s%n", "ENVIRONMENT", "ID", "NAME", "AGE", "IDLE", "REVISION",
                "HEALTH", "URL");
        for (PreviewInfo p : previews) {
            out.printf("%-14s %-6s %-28s %-8s %-8s %-12s %-10s %s%n", p.environment(), p.id(), p.name(), age(p.age(now)),
                    age(p.idle(now)), p.revision() == null ? "-" : p.revision().substring(0, Math.min(12, p.revision().length())),
                    p.health() == null ? "-" : p.health(), p.url() == null ? "-" : p.url());
        }
        return ExitCodes.OK;
    }

    private int prune(List<PreviewResult> deleted) {
        if (output == OutputFormat.json) {
            out().println(ResultPrinter.anyJson(deleted));
        } else {
            out().println(deleted.isEmpty() ? "no idle previews" : "deleted " + String.join(", ",
                    deleted.stream().map(PreviewResult::name).toList()));
        }
        return deleted.stream().allMatch(PreviewResult::succeeded) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** {@code 3d4h}, {@code 5h12m}, {@code 42m}, {@code 7s}: kubectl's age column, roughly. */
    static String age(Duration d) {
        long s = d.getSeconds();
        if (s >= 86_400) {
            return s / 86_400 + "d" + (s % 86_400) / 3600 + "h";
        }
        if (s >= 3600) {
            return s / 3600 + "h" + (s % 3600) / 60 + "m";
        }
        return s >= 60 ? s / 60 + "m" : s + "s";
    }
}
