package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** The Kubernetes demo as a user runs it: a PreSync migration Job runs first, and the demo exits 0. */
@Timeout(600)
class DemoCommandTest {
    @Test
    void demoRunsThePreSyncMigrationJobAndExitsZero() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GitOpsCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("demo", "--kubernetes-only");

        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.OK);
        String text = out.toString();
        int migration = text.indexOf("PreSync hook Job/docs-dev/docs-platform-migrate succeeded");
        assertThat(migration).as(text).isPositive();
        assertThat(text.indexOf("create Deployment/docs-dev/docs-platform")).isGreaterThan(migration);
        assertThat(text).contains("hook PreSync  Job/docs-dev/docs-platform-migrate  succeeded")
                .contains("API requests made by the no-op sync: {GET=2, LIST=6}")
                .contains("Demo finished.");
    }
}
