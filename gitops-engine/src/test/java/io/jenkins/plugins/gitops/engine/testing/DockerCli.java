package io.jenkins.plugins.gitops.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real docker command against the test daemon, to check what the engine did the way a user would. */
public final class DockerCli {
    private DockerCli() {
    }

    /** Output of {@code docker ARGS} with DOCKER_HOST set; an IOException with the output when it fails. */
    public static String run(String dockerHost, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DOCKER_HOST", dockerHost);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("docker " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
