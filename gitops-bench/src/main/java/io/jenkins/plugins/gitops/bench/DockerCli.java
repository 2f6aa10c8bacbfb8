package io.jenkins.plugins.gitops.bench;

import io.jenkins.plugins.gitops.engine.OperationFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** The {@code docker} command against one daemon: what the benchmark runs and how it reads services back. */
final class DockerCli {
    private final String executable;
    private final String host;

    DockerCli(String executable, String host) {
        this.executable = executable;
        this.host = host;
    }

    String host() {
        return host;
    }

    String executable() {
        return executable;
    }

    /** Runs {@code docker args...}; returns its output, or throws with it when the command fails. */
    String run(String... args) {
        List<String> command = new ArrayList<>(List.of(executable));
        command.addAll(List.of(args));
        return Processes.run(command, Map.of("DOCKER_HOST", host), Duration.ofMinutes(5));
    }

    /** Version.Index of every service of a stack, by service name. */
    Map<String, Long> versions(String stack) {
        Map<String, Long> versions = new TreeMap<>();
        List<String> ids = run("service", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack).lines()
                .filter(l -> !l.isBlank()).toList();
        if (ids.isEmpty()) {
            return versions;
        }
        List<String> args = new ArrayList<>(List.of("service", "inspect", "--format", "{{.Spec.Name}} {{.Version.Index}}"));
        args.addAll(ids);
        run(args.toArray(String[]::new)).lines().filter(l -> !l.isBlank()).map(l -> l.split(" "))
                .forEach(p -> versions.put(p[0], Long.parseLong(p[1])));
        return versions;
    }

    /**
     * Waits until every service of the stack runs all its replicas and no version moves any more (the
     * daemon bumps a new service's version itself while it allocates it), so that later reads only see
     * what the tool under test changed.
     */
    void waitSettled(String stack, int services, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> last = Map.of();
        while (System.nanoTime() < deadline) {
            List<String> replicas = run("service", "ls", "--filter", "label=com.docker.stack.namespace=" + stack,
                    "--format", "{{.Replicas}}").lines().filter(l -> !l.isBlank()).toList();
            boolean running = replicas.size() == services && replicas.stream().allMatch(DockerCli::allRunning);
            Map<String, Long> versions = versions(stack);
            if (running && versions.equals(last)) {
                return;
            }
            last = versions;
            sleep(Duration.ofSeconds(1));
        }
        throw new OperationFailedException("stack " + stack + " did not settle within " + timeout.toSeconds()
                + "s; see `docker stack ps " + stack + "`");
    }

    /** Removes a stack and waits until its services and networks are gone. */
    void removeStack(String stack) {
        run("stack", "rm", stack);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String label = "label=com.docker.stack.namespace=" + stack;
            if (run("service", "ls", "-q", "--filter", label).isBlank()
                    && run("network", "ls", "-q", "--filter", label).isBlank()) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private static boolean allRunning(String replicas) {
        String[] parts = replicas.trim().split("[/ ]");
        return parts.length >= 2 && parts[0].equals(parts[1]);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted", e);
        }
    }

    /** Runs external commands with a time limit. */
    static final class Processes {
        private Processes() {
        }

        static String run(List<String> command, Map<String, String> environment, Duration timeout) {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            try {
                Process process = builder.start();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new OperationFailedException(String.join(" ", command) + " did not finish within "
                            + timeout.toSeconds() + "s");
                }
                String text = new String(out, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new OperationFailedException(String.join(" ", command) + " failed (exit "
                            + process.exitValue() + "): " + text.strip());
                }
                return text;
            } catch (IOException e) {
                throw new OperationFailedException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationFailedException("interrupted while running " + command.get(0), e);
            }
        }
    }
}
