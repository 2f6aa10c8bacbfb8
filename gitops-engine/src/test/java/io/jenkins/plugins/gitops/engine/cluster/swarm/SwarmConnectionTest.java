package io.jenkins.plugins.gitops.engine.cluster.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.cluster.TargetException;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SwarmConnectionTest {
    private final Environment env = Environment.of("dev", "environments/dev", TargetSpec.swarm("medianest"));

    @Test
    void anUnreachableDaemonIsAClearError(@TempDir Path dir) {
        String socket = "unix://" + dir.resolve("no-daemon.sock");
        assertThatThrownBy(() -> SwarmTarget.connect(env, SwarmConnection.plain(socket)))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("cannot reach the Docker daemon at " + socket)
                .hasMessageEndingWith("check --docker-host and that dockerd is running");
        assertThatThrownBy(() -> SwarmTarget.connect(env, SwarmConnection.plain("tcp://127.0.0.1:1")))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("cannot reach the Docker daemon at tcp://127.0.0.1:1");
    }

    @Test
    void hostsAndTlsMaterialAreChecked() {
        assertThatThrownBy(() -> SwarmConnection.plain("ssh://host")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unix:///path/to/docker.sock or tcp://host:2376");
        assertThatThrownBy(() -> SwarmConnection.tlsPem("tcp://h:2376", "ca", null, "KEY-MATERIAL"))
                .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("KEY-MATERIAL");
    }

    @Test
    void theClientKeyNeverAppearsInToString() {
        SwarmConnection c = SwarmConnection.tlsPem("tcp://h:2376", "CA-PEM", "CERT-PEM", "-----BEGIN PRIVATE KEY----- secret");
        assertThat(c.toString()).isEqualTo("tcp://h:2376 (TLS client certificate)").doesNotContain("secret");
        assertThat(c.usesTls()).isTrue();
        assertThat(SwarmConnection.tls("tcp://h:2376", Path.of("/certs")).toString())
                .isEqualTo("tcp://h:2376 (TLS certificates from /certs)");
    }

    @Test
    void unreadablePemIsReportedWithoutItsContent() {
        SwarmConnection c = SwarmConnection.tlsPem("tcp://127.0.0.1:1", "not a ca", "not a cert", "not-a-key-SECRET");
        assertThatThrownBy(() -> SwarmTarget.connect(env, c)).hasMessageNotContaining("not-a-key-SECRET");
    }
}
