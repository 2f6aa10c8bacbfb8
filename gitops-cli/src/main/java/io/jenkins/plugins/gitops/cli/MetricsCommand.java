package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.config.Durations;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gitops metrics [ENV...] [--since 30d]}: deployment frequency, lead time for changes, change failure
 * rate and time to restore per environment, with their DORA performance band (docs/delivery-metrics.md).
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Delivery performance (DORA) of environments from their deployment history and Git.")
final class MetricsCommand extends RepositoryCommand {
    private static final Pattern DAYS = Pattern.compile("(\\d{1,5})([dw])");

    @Parameters(arity = "0..*", paramLabel = "ENV", description = "environments from gitops.yaml (default: all)")
    List<String> environments = new ArrayList<>();

    @Option(names = "--since", defaultValue = "30d", paramLabel = "PERIOD",
            description = "how far back: days (30d), weeks (13w) or a duration (12h) (default: ${DEFAULT-VALUE})")
    String since;

    /** Where "now" comes from; a field so tests can fix it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        Duration period = period(since);
        Instant to = clock.instant();
        Instant from = to.minus(period);
        try (GitOps gitOps = gitOps()) {
            List<String> names = environments.isEmpty()
                    ? new ArrayList<>(gitOps.config(null).environments().keySet()) : environments;
            List<DeliveryMetrics> figures = new ArrayList<>();
            for (String name : names) {
                figures.add(gitOps.delivery(name, from, to));
            }
            if (output == OutputFormat.json) {
                out().println(ResultPrinter.anyJson(figures.stream().map(DeliveryJson::of).toList()));
            } else {
                figures.forEach(m -> DeliveryText.print(m, out()));
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code 30d}, {@code 13w}, or a Go duration ({@code 12h}); positive. */
    static Duration period(String text) {
        Matcher m = DAYS.matcher(text == null ? "" : text.trim());
        Duration d = m.matches()
                ? Duration.ofDays(Long.parseLong(m.group(1)) * (m.group(2).equals("w") ? 7 : 1))
                : Durations.parse(text);
        if (d.isZero()) {
            throw new InvalidInputException("--since " + text + ": the period must be longer than zero; e.g. 30d, 13w, 12h");
        }
        return d;
    }
}
