package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.DriftReport;
import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gitops drift [ENV...]}: what changed outside Git, and whether Git moved on; exit 3 when anything drifted. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Report objects changed, deleted or added outside Git, and Git moving past the last sync (exit 3 on drift).")
final class DriftCommand extends RepositoryCommand {
    @Parameters(paramLabel = "ENV", arity = "0..*", description = "environments (default: all in gitops.yaml)")
    List<String> environments = new ArrayList<>();

    @Option(names = "--heal", description = "heal where the environment's policy says so (selfHeal, sync: automatic)")
    boolean heal;

    @Override
    public Integer call() {
        try (GitOps gitOps = gitOps()) {
            List<String> names = environments.isEmpty() ? List.copyOf(gitOps.config(null).environments().keySet()) : environments;
            List<DriftReport> reports = new ArrayList<>();
            for (String name : names) {
                reports.add(gitOps.drift(name, heal));
            }
            if (output == OutputFormat.json) {
                out().println(ResultPrinter.anyJson(reports));
            } else {
                reports.forEach(this::text);
            }
            out().flush();
            boolean failed = reports.stream().anyMatch(r -> r.healed() != null && !r.healed().succeeded());
            boolean drifted = reports.stream().anyMatch(r -> r.drifted() && (r.healed() == null));
            return failed ? ExitCodes.FAILED : drifted ? ExitCodes.DIFFERENCES : ExitCodes.OK;
        }
    }

    private void text(DriftReport report) {
        out().println(report.environment() + ": " + (report.drifted() ? "DRIFTED" : "in sync") + " - " + report.message());
        for (ObjectResult o : report.objects()) {
            String what = switch (o.action()) {
                case "create" -> "deleted outside Git";
                case "update" -> "changed outside Git";
                default -> "added outside Git";
            };
            out().println("  " + o.id() + ": " + what);
            if (o.diff() != null && !o.diff().isEmpty() && o.action().equals("update")) {
                out().print(o.diff().indent(4));
            }
        }
    }
}
