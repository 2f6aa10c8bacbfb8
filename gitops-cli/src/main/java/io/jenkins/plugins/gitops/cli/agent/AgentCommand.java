package io.jenkins.plugins.gitops.cli.agent;

import io.jenkins.plugins.gitops.cli.ExitCodes;
import io.jenkins.plugins.gitops.cli.RepositoryOptions;
import io.jenkins.plugins.gitops.cli.SignatureOptions;
import io.jenkins.plugins.gitops.cli.TargetOptions;
import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.config.Durations;
import io.jenkins.plugins.gitops.engine.metrics.GitOpsMetrics;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import io.jenkins.plugins.gitops.cli.GitOpsCommand;
import io.jenkins.plugins.gitops.cli.NotificationOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gitops agent}: drift detection and self-heal for every environment on its interval, with /health, /ready, /metrics. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Check every environment for drift on its driftInterval, heal or sync it where its policy says so,",
                "delete its previews idle past their preview.ttl, and serve /health, /ready and Prometheus /metrics.",
                "Stops cleanly on SIGTERM."},
        exitCodeListHeading = "%nExit codes (with --once):%n",
        exitCodeList = {"0:every environment in sync", "1:a check or a heal failed",
                "2:bad input or usage", "3:drift found (healed or not)"})
public final class AgentCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(AgentCommand.class);

    /** Opens what the checks need; whatever must be closed afterwards goes into {@code toClose}. */
    interface CheckerFactory {
        EnvironmentChecker open(AgentCommand command, List<AutoCloseable> toClose);
    }

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @Mixin
    TargetOptions target;

    @Mixin
    SignatureOptions signatures;

    @Mixin
    NotificationOptions notifications;

    @ParentCommand
    GitOpsCommand parent;

    @Option(names = "--environment", paramLabel = "NAME", description = "environment to watch (repeatable; default: all)")
    List<String> environments = new ArrayList<>();

    @Option(names = "--once", description = "check every environment once, then exit (0 in sync, 3 drift found, 1 failure)")
    boolean once;

    @Option(names = "--no-heal", description = "report drift only: no self-heal, no automatic sync")
    boolean noHeal;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = ListenAddress.DEFAULT,
            description = "address of /health, /ready and /metrics; loopback only unless --listen-any (default: ${DEFAULT-VALUE})")
    String listen;

    @Option(names = "--listen-any", description = "allow a non-loopback --listen address (the endpoints have no authentication)")
    boolean listenAny;

    @Option(names = "--parallelism", defaultValue = "4", description = "environments checked at the same time (default: ${DEFAULT-VALUE})")
    int parallelism;

    @Option(names = "--stop-timeout", defaultValue = "30s", description = "on SIGTERM, how long to wait for running checks (default: ${DEFAULT-VALUE})")
    String stopTimeout;

    /** Environment variables; a field so tests can replace them. */
    Map<String, String> env = System.getenv();

    /** How the checker is opened; a field so tests can run the command against a fake. */
    CheckerFactory checkers = AgentCommand::openGitOps;

    /** The running agent (daemon mode), so tests can stop it as SIGTERM would. */
    volatile Agent agent;

    /** The agent's own address once it listens: the default link of its notifications. */
    volatile String selfLink;

    /** Shared by the facade (deployments, rollbacks, drift) and the agent (checks): one /metrics scrape. */
    private final GitOpsMetrics engineMetrics = new GitOpsMetrics();
    private final GitOpsAgentMetrics metrics = new GitOpsAgentMetrics(engineMetrics);

    @Override
    public Integer call() throws Exception {
        Duration timeout = Durations.parse(stopTimeout);
        if (once) {
            return runOnce(timeout);
        }
        return runUntilStopped(ListenAddress.parse(listen, listenAny), timeout);
    }

    private int runOnce(Duration timeout) throws InterruptedException {
        List<AutoCloseable> toClose = new ArrayList<>();
        try {
            DriftScheduler scheduler = new DriftScheduler(checkers.open(this, toClose), parallelism, this::report);
            List<CheckOutcome> outcomes = scheduler.runOnce();
            scheduler.stop(timeout);
            spec.commandLine().getOut().println(summary(outcomes));
            spec.commandLine().getOut().flush();
            return exitCode(outcomes);
        } finally {
            closeAll(toClose);
        }
    }

    private int runUntilStopped(InetSocketAddress address, Duration timeout) throws InterruptedException {
        Agent running = new Agent(timeout);
        Thread hook = new Thread(running::stop, "gitops-agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        agent = running;
        List<AutoCloseable> toClose = new ArrayList<>();
        try {
            int port = running.serve(address, metrics::scrape);
            String host = address.getHostString();
            selfLink = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
            EnvironmentChecker checker = checkers.open(this, toClose);
            if (!running.start(new DriftScheduler(checker, parallelism, this::report),
                    toClose.toArray(AutoCloseable[]::new))) {
                closeAll(toClose);
            }
        } catch (RuntimeException e) {
            running.stop();
            closeAll(toClose);
            removeHook(hook);
            throw e;
        }
        running.awaitStopped();
        removeHook(hook);
        return ExitCodes.OK;
    }

    private static EnvironmentChecker openGitOps(AgentCommand command, List<AutoCloseable> toClose) {
        GitOps gitOps = CliOptions.gitOps(command.repository.orElse(command.parent == null ? null : command.parent.repository()),
                command.target.orElse(command.parent == null ? null : command.parent.target()), command.signatures,
                command.env, message -> LOG.info("{}", message),
                "gitops-agent@" + ManagementFactory.getRuntimeMXBean().getName(), command.engineMetrics,
                command.notifications.notifier(command.env, message -> LOG.warn("{}", message)),
                command.notifications.link(command.env, command.selfLink));
        toClose.add(gitOps);
        return new GitOpsChecker(gitOps, command.environments, !command.noHeal);
    }

    private void report(CheckOutcome outcome) {
        switch (outcome.result()) {
            case IN_SYNC, HEALED -> LOG.info(outcome.logLine());
            case DRIFTED -> LOG.warn(outcome.logLine());
            case FAILED -> LOG.error(outcome.logLine());
        }
        metrics.record(outcome);
    }

    /** 1 when a check or heal failed, else 3 when drift was found (healed or not), else 0. */
    static int exitCode(List<CheckOutcome> outcomes) {
        if (outcomes.stream().anyMatch(o -> o.result() == CheckOutcome.Result.FAILED)) {
            return ExitCodes.FAILED;
        }
        return outcomes.stream().anyMatch(CheckOutcome::driftFound) ? ExitCodes.DIFFERENCES : ExitCodes.OK;
    }

    static String summary(List<CheckOutcome> outcomes) {
        Map<CheckOutcome.Result, Long> counts = new java.util.EnumMap<>(CheckOutcome.Result.class);
        outcomes.forEach(o -> counts.merge(o.result(), 1L, Long::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((result, count) -> parts.add(count + " " + result.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-')));
        return outcomes.size() + " environment(s) checked" + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or has run
        }
    }
}
