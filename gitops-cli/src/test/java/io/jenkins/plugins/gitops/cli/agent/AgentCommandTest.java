package io.jenkins.plugins.gitops.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.cli.ExitCodes;
import io.jenkins.plugins.gitops.cli.Main;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class AgentCommandTest {
    private static final Path REPO = Path.of("src/test/resources/agent/repo");
    private final StringWriter out = new StringWriter();

    @TempDir
    Path cache;

    @Test
    void onceExitsZeroWhenEveryEnvironmentIsInSync() {
        FakeChecker checker = new FakeChecker()
                .environment("development", Duration.ofMinutes(1), Reports::inSync)
                .environment("production", Duration.ofMinutes(10), Reports::inSync);

        assertThat(runOnce(checker)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("2 environment(s) checked: 2 in-sync\n");
    }

    @Test
    void onceExitsThreeWhenDriftWasFoundHealedOrNot() {
        FakeChecker checker = new FakeChecker()
                .environment("development", Duration.ofMinutes(1),
                        env -> Reports.healed(env, true, Reports.changed("Deployment", "dev", "web")))
                .environment("production", Duration.ofMinutes(10), Reports::inSync);

        assertThat(runOnce(checker)).isEqualTo(ExitCodes.DIFFERENCES);
        assertThat(out.toString()).isEqualTo("2 environment(s) checked: 1 in-sync, 1 healed\n");
    }

    @Test
    void onceExitsOneWhenAnyCheckFailedAndStillChecksTheOthers() {
        FakeChecker checker = new FakeChecker()
                .environment("development", Duration.ofMinutes(1), env -> {
                    throw new OperationFailedException("development: API server unreachable");
                })
                .environment("production", Duration.ofMinutes(10), Reports::gitAhead);

        assertThat(runOnce(checker)).isEqualTo(ExitCodes.FAILED);
        assertThat(checker.runs("production")).hasSize(1);
        assertThat(out.toString()).isEqualTo("2 environment(s) checked: 1 drifted, 1 failed\n");
    }

    @Test
    void onceClosesWhatTheCheckerOpened() {
        AtomicBoolean closed = new AtomicBoolean();
        AgentCommand command = new AgentCommand();
        command.checkers = (cmd, toClose) -> {
            toClose.add(() -> closed.set(true));
            return new FakeChecker().environment("development", Duration.ofMinutes(1), Reports::inSync);
        };

        assertThat(commandLine(command).execute("--once")).isEqualTo(ExitCodes.OK);
        assertThat(closed).isTrue();
    }

    @Test
    void runsUntilStoppedServingReadinessAndMetrics() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        AgentCommand command = new AgentCommand();
        command.checkers = (cmd, toClose) -> {
            toClose.add(() -> closed.set(true));
            return new FakeChecker()
                    .environment("development", Duration.ofMillis(100), env -> Reports.drifted(env,
                            Reports.changed("Deployment", "dev", "web")))
                    .environment("production", Duration.ofMinutes(10), Reports::inSync);
        };
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> commandLine(command).execute("--listen", "127.0.0.1:0", "--stop-timeout", "5s"));
        DriftSchedulerTest.waitUntil(() -> command.agent != null && command.agent.port() > 0);
        int port = command.agent.port();

        DriftSchedulerTest.waitUntil(() -> status(port, "/ready") == 200);
        assertThat(Http.get(port, "/metrics").body())
                .contains("gitops_drift_resources{environment=\"development\"} 1")
                .contains("gitops_sync_status{environment=\"production\"} 1");
        assertThat(exit).isNotDone();

        assertThat(command.agent.stop()).as("the method the SIGTERM hook runs").isTrue();

        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        assertThat(closed).isTrue();
        assertThat(status(port, "/health")).as("endpoints closed").isEqualTo(-1);
    }

    @Test
    void exitCodeOfARound() {
        CheckOutcome inSync = CheckOutcome.of("a", Reports.inSync("a"), Duration.ZERO);
        CheckOutcome drifted = CheckOutcome.of("b", Reports.gitAhead("b"), Duration.ZERO);
        CheckOutcome failed = CheckOutcome.failed("c", new IllegalStateException("x"), Duration.ZERO);

        assertThat(AgentCommand.exitCode(List.of())).isEqualTo(ExitCodes.OK);
        assertThat(AgentCommand.exitCode(List.of(inSync))).isEqualTo(ExitCodes.OK);
        assertThat(AgentCommand.exitCode(List.of(inSync, drifted))).isEqualTo(ExitCodes.DIFFERENCES);
        assertThat(AgentCommand.exitCode(List.of(failed, drifted))).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void refusesANonLoopbackAddressBeforeOpeningAnything() {
        Captured run = main("agent", "--listen", "0.0.0.0:9464", "--repo", REPO.toString(), "--cache-dir", cache.toString());

        assertThat(run.exitCode).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err).contains("--listen 0.0.0.0:9464: 0.0.0.0 is not a loopback address");
    }

    @Test
    void unknownEnvironmentIsBadInputListingTheKnownOnes() {
        Captured run = main("agent", "--once", "--environment", "staging", "--repo", REPO.toString(),
                "--cache-dir", cache.toString());

        assertThat(run.exitCode).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err).contains("no environment 'staging' (known: development, production)");
    }

    @Test
    void revisionIsRefusedBecauseTheAgentFollowsTheBranch() {
        Captured run = main("agent", "--once", "--revision", "v1", "--repo", REPO.toString(),
                "--cache-dir", cache.toString());

        assertThat(run.exitCode).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err).contains("--revision: the agent follows each environment's branch");
    }

    @Test
    void agentIsAGitopsSubcommand() {
        Captured run = main("agent", "--help");

        assertThat(run.exitCode).isEqualTo(ExitCodes.OK);
        assertThat(run.out).contains("--once", "--no-heal", "--listen=HOST:PORT", "--environment=NAME", "--kubeconfig");
    }

    private int runOnce(FakeChecker checker) {
        AgentCommand command = new AgentCommand();
        command.checkers = (cmd, toClose) -> checker;
        return commandLine(command).execute("--once");
    }

    private CommandLine commandLine(AgentCommand command) {
        return new CommandLine(command).setOut(new PrintWriter(out, true));
    }

    private static int status(int port, String path) {
        try {
            return Http.get(port, path).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Runs {@link Main#run} with standard output and error captured (picocli writes to System.out/err). */
    private static Captured main(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Captured(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private record Captured(int exitCode, String out, String err) {
    }
}
